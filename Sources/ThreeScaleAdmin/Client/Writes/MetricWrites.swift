// The bodies of metric, method and mapping-rule writes, the same for a backend and
// a product. A nil property is not sent.

/// A metric to create (a counter such as `hits`).
public struct NewMetric: Sendable, Equatable {
    public var friendlyName: String
    /// What one unit is, e.g. `hit`.
    public var unit: String
    public var systemName: String?
    public var description: String?

    public init(friendlyName: String, unit: String, systemName: String? = nil, description: String? = nil) {
        self.friendlyName = friendlyName
        self.unit = unit
        self.systemName = systemName
        self.description = description
    }

    var form: FormBody {
        var form: FormBody = ["friendly_name": friendlyName, "unit": unit]
        form.append("system_name", systemName)
        form.append("description", description)
        return form
    }
}

public struct MetricChanges: Sendable, Equatable {
    public var friendlyName: String?
    public var unit: String?
    public var description: String?

    public init(friendlyName: String? = nil, unit: String? = nil, description: String? = nil) {
        self.friendlyName = friendlyName
        self.unit = unit
        self.description = description
    }

    var form: FormBody {
        var form = FormBody()
        form.append("friendly_name", friendlyName)
        form.append("unit", unit)
        form.append("description", description)
        return form
    }
}

/// A method to create under `hits` (one per endpoint, e.g. `completions`).
public struct NewMethod: Sendable, Equatable {
    public var systemName: String
    /// The display name; the system name when nil.
    public var friendlyName: String?
    public var description: String?

    public init(systemName: String, friendlyName: String? = nil, description: String? = nil) {
        self.systemName = systemName
        self.friendlyName = friendlyName
        self.description = description
    }

    var form: FormBody {
        var form: FormBody = ["friendly_name": friendlyName ?? systemName, "system_name": systemName]
        form.append("description", description)
        return form
    }
}

public struct MethodChanges: Sendable, Equatable {
    public var friendlyName: String?
    public var description: String?

    public init(friendlyName: String? = nil, description: String? = nil) {
        self.friendlyName = friendlyName
        self.description = description
    }

    var form: FormBody {
        var form = FormBody()
        form.append("friendly_name", friendlyName)
        form.append("description", description)
        return form
    }
}

/// A mapping rule to create: calls matching `httpMethod pattern` count `delta` on a metric.
public struct NewMappingRule: Sendable, Equatable {
    /// `GET`, `POST`, … in upper case.
    public var httpMethod: String
    /// A path pattern such as `/v1/models` or `/v1/items/{id}$`.
    public var pattern: String
    public var metricID: Int
    public var delta: Int
    /// Stop matching after this rule.
    public var last: Bool?
    /// 1-based place among the owner's rules; nil appends.
    public var position: Int?

    public init(httpMethod: String, pattern: String, metricID: Int, delta: Int = 1, last: Bool? = nil, position: Int? = nil) {
        self.httpMethod = httpMethod
        self.pattern = pattern
        self.metricID = metricID
        self.delta = delta
        self.last = last
        self.position = position
    }

    var form: FormBody {
        var form: FormBody = [
            "http_method": httpMethod, "pattern": pattern, "metric_id": String(metricID), "delta": String(delta),
        ]
        form.append("last", last)
        form.append("position", position)
        return form
    }
}

public struct MappingRuleChanges: Sendable, Equatable {
    public var httpMethod: String?
    public var pattern: String?
    public var metricID: Int?
    public var delta: Int?
    public var last: Bool?
    public var position: Int?

    public init(
        httpMethod: String? = nil, pattern: String? = nil, metricID: Int? = nil, delta: Int? = nil, last: Bool? = nil,
        position: Int? = nil
    ) {
        self.httpMethod = httpMethod
        self.pattern = pattern
        self.metricID = metricID
        self.delta = delta
        self.last = last
        self.position = position
    }

    /// Every field of `rule`: the rule becomes exactly that.
    public init(_ rule: NewMappingRule) {
        self.init(
            httpMethod: rule.httpMethod, pattern: rule.pattern, metricID: rule.metricID, delta: rule.delta, last: rule.last,
            position: rule.position)
    }

    var form: FormBody {
        var form = FormBody()
        form.append("http_method", httpMethod)
        form.append("pattern", pattern)
        form.append("metric_id", metricID)
        form.append("delta", delta)
        form.append("last", last)
        form.append("position", position)
        return form
    }
}
