-- Alternates follow and unfollow of one target by one user, with an OAuth 2.0
-- user token: wrk -s follow-unfollow.lua URL -- TOKEN USER_ID TARGET_ID
local token, user, target
local counter = 0

function init(args)
    token, user, target = args[1], args[2], args[3]
end

function request()
    counter = counter + 1
    local headers = { ["Authorization"] = "Bearer " .. token }
    if counter % 2 == 1 then
        headers["Content-Type"] = "application/json"
        return wrk.format("POST", "/2/users/" .. user .. "/following", headers,
                          '{"target_user_id": "' .. target .. '"}')
    end
    return wrk.format("DELETE", "/2/users/" .. user .. "/following/" .. target, headers)
end

