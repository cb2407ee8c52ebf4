// Placeholder until the sandbox issue lands.
public enum SandboxModelModule {}
