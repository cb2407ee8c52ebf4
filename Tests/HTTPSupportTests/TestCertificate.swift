import NIOSSL

/// A self-signed certificate for `maas.invalid` only (no IP address), valid for 100 years:
/// untrusted as it is, and trusted (as its own CA) yet wrong for 127.0.0.1.
enum TestCertificate {
    static let pem = """
        -----BEGIN CERTIFICATE-----
        MIIBrTCCAVSgAwIBAgIUC24q+w0xvZOTuV4rASXitdu6NFQwCgYIKoZIzj0EAwIw
        HzEdMBsGA1UEAwwUbWFhcyB0ZXN0IG90aGVyIGhvc3QwIBcNMjYxMjA1MDcyMzIz
        WhgPMjEyNjExMTEwNzIzMjNaMB8xHTAbBgNVBAMMFG1hYXMgdGVzdCBvdGhlciBo
        b3N0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE+0yaF8sgU1NlR2P13WwRandJ
        Uqvwikak6wniGbXR1XDbLWudGrL5YFzYAo2WLzcbNi1kIJSR+srbpnmB24UZBaNs
        MGowHQYDVR0OBBYEFP01sizKaTUylvm97P9V47dUPbIuMB8GA1UdIwQYMBaAFP01
        sizKaTUylvm97P9V47dUPbIuMBcGA1UdEQQQMA6CDG1hYXMuaW52YWxpZDAPBgNV
        HRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCIGHSi4Y97bIFUgxYc3kIa2yX
        OaNGqRTY+py6k7dvBQ0YAiACb182bDOe7V+ZvDS57ze4gF6RrlY5XTcGV6WIfM6o
        /w==
        -----END CERTIFICATE-----
        """

    static let privateKey = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgEinusgnGMuG4JvKy
        cWwI8I+fXwHf8pSMK0GB0lILpKChRANCAAT7TJoXyyBTU2VHY/XdbBFqd0lSq/CK
        RqTrCeIZtdHVcNsta50asvlgXNgCjZYvNxs2LWQglJH6ytumeYHbhRkF
        -----END PRIVATE KEY-----
        """

    static func serverContext() throws -> NIOSSLContext {
        try NIOSSLContext(configuration: .makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(pem.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(privateKey.utf8), format: .pem))))
    }
}
