/// How secrets look whenever they are printed without `--reveal`.
public enum SecretMask {
    /// `abcd…wxyz` for long secrets; `***` when showing eight characters would reveal too much.
    public static func mask(_ secret: String) -> String {
        guard secret.count >= 16 else { return "***" }
        return "\(secret.prefix(4))…\(secret.suffix(4))"
    }
}
