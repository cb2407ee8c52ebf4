/// Pieces shared by the capabilities.3scale.net/v1beta1 kinds.
public enum CapabilitiesAPI {
    public static let version = "capabilities.3scale.net/v1beta1"
}

/// The Kubernetes metadata maas reads and writes; other fields (uid, resourceVersion,
/// …) from `oc get -o yaml` are accepted and ignored.
public struct ObjectMeta: Codable, Sendable, Equatable {
    public var name: String
    public var namespace: String?
    public var labels: [String: String]?
    public var annotations: [String: String]?

    public init(name: String, namespace: String? = nil, labels: [String: String]? = nil, annotations: [String: String]? = nil) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
    }
}

/// `{name}`: another object in the same namespace.
public struct LocalObjectReference: Codable, Sendable, Equatable {
    public var name: String?
    public init(name: String) { self.name = name }
}

/// `{name, namespace}`: a Secret.
public struct SecretReference: Codable, Sendable, Equatable {
    public var name: String?
    public var namespace: String?
    public init(name: String, namespace: String? = nil) {
        self.name = name
        self.namespace = namespace
    }
}

/// A mapping rule of a Backend or Product.
public struct MappingRuleSpec: Codable, Sendable, Equatable {
    public var httpMethod: String
    public var pattern: String
    public var metricMethodRef: String
    public var increment: Int
    public var last: Bool?

    public init(httpMethod: String, pattern: String, metricMethodRef: String, increment: Int = 1, last: Bool? = nil) {
        self.httpMethod = httpMethod
        self.pattern = pattern
        self.metricMethodRef = metricMethodRef
        self.increment = increment
        self.last = last
    }

    /// The CRD's enum.
    public static let httpMethods = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT"]
}

public struct MetricSpec: Codable, Sendable, Equatable {
    public var friendlyName: String
    public var unit: String
    public var description: String?

    public init(friendlyName: String, unit: String, description: String? = nil) {
        self.friendlyName = friendlyName
        self.unit = unit
        self.description = description
    }

    /// What porta and the operator put in every Product and Backend.
    public static let hits = MetricSpec(friendlyName: "Hits", unit: "hit", description: "Number of API hits")
}

public struct MethodSpec: Codable, Sendable, Equatable {
    public var friendlyName: String
    public var description: String?

    public init(friendlyName: String, description: String? = nil) {
        self.friendlyName = friendlyName
        self.description = description
    }
}

/// The operator's default system name: `name` without its non-alphanumeric runs,
/// case kept ("OperatedProduct 1" → "OperatedProduct1").
func defaultSystemName(_ name: String) -> String {
    String(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        .map(Character.init))
}
