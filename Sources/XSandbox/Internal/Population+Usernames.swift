extension Population {
    /// The index of the user with this (lowercased) username: a username ends in its index in
    /// base 36, after a stem cut to fit 15 characters, so each possible suffix length is tried
    /// and the user made from it compared.
    func index(ofUsername username: String) -> Int? {
        for length in 1...min(6, username.count) {
            guard let index = Int(username.suffix(length), radix: 36), index < count else { continue }
            if user(at: index).username.lowercased() == username { return index }
        }
        return nil
    }
}
