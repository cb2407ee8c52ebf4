import CEditLine
public enum ShellModule {}
