// Placeholder until the sandbox issue lands: the target exists so the seams are in place.
public enum SandboxInfo {
    public static let defaultModelName = "tinyllama/tinyllama-1.1b-chat-v1.0"
}
