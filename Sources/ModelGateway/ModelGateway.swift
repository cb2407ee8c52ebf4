// Placeholder until the consumer issue lands.
public enum ModelGatewayModule {}
