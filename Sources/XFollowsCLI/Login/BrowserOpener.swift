import Foundation

/// Opens a URL in the user's browser when there is one to open: `$BROWSER`, `open` on macOS,
/// `xdg-open` on a Linux desktop (a `DISPLAY` or `WAYLAND_DISPLAY`). It never waits for the
/// browser and never fails the login: the URL is always printed too.
enum BrowserOpener {
    /// Tries to open `url`; returns whether a browser was started.
    @discardableResult
    static func open(_ url: URL, environment: [String: String]) -> Bool {
        guard let command = command(environment: environment) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command, url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
            return true
        } catch {
            return false
        }
    }

    /// The command that opens a browser here, or `nil` when none can.
    static func command(environment: [String: String]) -> String? {
        if let browser = environment["BROWSER"], !browser.isEmpty, !browser.contains(" ") { return browser }
        #if os(macOS)
        return "open"
        #else
        let desktop = [environment["DISPLAY"], environment["WAYLAND_DISPLAY"]].contains { !($0 ?? "").isEmpty }
        guard desktop else { return nil }
        let paths = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/xdg-open") } ? "xdg-open" : nil
        #endif
    }
}
