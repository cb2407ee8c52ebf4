public enum ProfilesModule {}
