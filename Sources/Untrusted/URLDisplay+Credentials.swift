extension URLDisplay {
    /// Query parameters whose values are credentials: any name holding one of these words
    /// (`user_key`, `access_token`, `api-key`, `client_secret`…).
    static let credentialWords = ["key", "token", "secret", "password"]

    /// `redacted(url)` with the value of every credential-like query parameter shown as
    /// `***` (`/find.json?user_key=abc` → `/find.json?user_key=***`), for a log line.
    public static func redactingCredentials(_ url: String) -> String {
        guard let question = url.firstIndex(of: "?") else { return redacted(url) }
        let fragment = url[question...].firstIndex(of: "#") ?? url.endIndex
        let query = url[url.index(after: question)..<fragment].split(separator: "&", omittingEmptySubsequences: false)
            .map { parameter -> String in
                guard let equals = parameter.firstIndex(of: "=") else { return String(parameter) }
                let name = parameter[..<equals].lowercased()
                guard credentialWords.contains(where: { name.contains($0) }) else { return String(parameter) }
                return parameter[..<equals] + "=***"
            }
        return redacted(url[..<question] + "?" + query.joined(separator: "&") + url[fragment...])
    }
}
