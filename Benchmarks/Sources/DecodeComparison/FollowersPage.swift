import Foundation

/// The page every decoder in G4 reads: 1,000 followers with every user field
/// the spec has, half of them with a pinned Tweet in `includes.tweets` that
/// carries every Tweet field, as `GET /2/users/:id/followers?max_results=1000
/// &user.fields=…&expansions=pinned_tweet_id&tweet.fields=…` returns it.
package enum FollowersPage {
    package static let userCount = 1000
    package static let pinnedCount = 500

    package static let json: Data = {
        var users: [String] = []
        users.reserveCapacity(userCount)
        for index in 0..<userCount {
            let id = 1_000_000_000 + index
            let pinned = index.isMultiple(of: 2) ? #""pinned_tweet_id":"\#(9_000_000_000 + index)","# : ""
            let withheld = index.isMultiple(of: 10) ? #","withheld":{"country_codes":["DE","FR"],"scope":"user"}"# : ""
            users.append(#"""
                {"created_at":"2013-12-14T04:35:55.000Z","description":"Swift on the server, #swift and $XYZ with @XDevelopers https://t.co/abc","entities":{"description":{"cashtags":[{"cashtag":"XYZ","end":37,"start":33}],"hashtags":[{"end":27,"hashtag":"swift","start":21}],"mentions":[{"end":56,"start":43,"username":"XDevelopers"}],"urls":[{"display_url":"swift.org","end":80,"expanded_url":"https://swift.org","start":57,"url":"https://t.co/abc"}]},"url":{"urls":[{"display_url":"example.com/\#(index)","end":23,"expanded_url":"https://example.com/\#(index)","start":0,"url":"https://t.co/u\#(index)"}]}},"id":"\#(id)","location":"127.0.0.1","most_recent_tweet_id":"\#(8_000_000_000 + index)","name":"Follower \#(index)",\#(pinned)"profile_image_url":"https://pbs.twimg.com/profile_images/\#(id)/photo_normal.jpg","protected":\#(index.isMultiple(of: 7)),"public_metrics":{"followers_count":\#(index * 3),"following_count":\#(index % 500),"listed_count":\#(index % 20),"tweet_count":\#(index * 11)},"url":"https://t.co/u\#(index)","username":"follower_\#(index)","verified":\#(index.isMultiple(of: 3)),"verified_type":"\#(["blue", "business", "government", "none"][index % 4])"\#(withheld)}
                """#)
        }
        var tweets: [String] = []
        tweets.reserveCapacity(pinnedCount)
        for half in 0..<pinnedCount {
            let index = half * 2
            let id = 9_000_000_000 + index
            tweets.append(#"""
                {"attachments":{"media_keys":["3_\#(id)"],"poll_ids":[]},"author_id":"\#(1_000_000_000 + index)","context_annotations":[{"domain":{"description":"Programming languages","id":"131","name":"Unified Twitter Taxonomy"},"entity":{"id":"848921413196984320","name":"Swift"}}],"conversation_id":"\#(id)","created_at":"2024-05-01T12:00:00.000Z","edit_controls":{"editable_until":"2024-05-01T13:00:00.000Z","edits_remaining":5,"is_edit_eligible":true},"edit_history_tweet_ids":["\#(id)"],"entities":{"annotations":[{"end":12,"normalized_text":"Swift","probability":0.93,"start":8,"type":"Product"}],"hashtags":[{"end":25,"hashtag":"swift","start":19}],"mentions":[{"end":40,"start":27,"username":"XDevelopers"}],"urls":[{"display_url":"swift.org","end":64,"expanded_url":"https://swift.org","start":41,"url":"https://t.co/xyz"}]},"geo":{"coordinates":{"coordinates":[-122.4,37.8],"type":"Point"},"place_id":"5a110d312052166f"},"id":"\#(id)","in_reply_to_user_id":"2244994945","lang":"en","non_public_metrics":{"impression_count":\#(index * 10),"url_link_clicks":3,"user_profile_clicks":2},"organic_metrics":{"impression_count":\#(index * 10),"like_count":7,"reply_count":1,"retweet_count":2,"url_link_clicks":3,"user_profile_clicks":2},"possibly_sensitive":false,"promoted_metrics":{"impression_count":0,"like_count":0,"reply_count":0,"retweet_count":0,"url_link_clicks":0,"user_profile_clicks":0},"public_metrics":{"bookmark_count":1,"impression_count":\#(index * 10),"like_count":7,"quote_count":0,"reply_count":1,"retweet_count":2},"referenced_tweets":[{"id":"\#(id - 1)","type":"quoted"}],"reply_settings":"everyone","source":"Swift","text":"Pinned \#(index): I #swift with @XDevelopers https://t.co/xyz","withheld":{"copyright":false,"country_codes":["DE"],"scope":"tweet"}}
                """#)
        }
        let page = #"{"data":[\#(users.joined(separator: ","))],"includes":{"tweets":[\#(tweets.joined(separator: ","))]},"meta":{"next_token":"7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i","result_count":\#(userCount)}}"#
        return Data(page.utf8)
    }()
}
