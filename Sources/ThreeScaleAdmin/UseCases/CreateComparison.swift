import Untrusted

/// How an object 3scale has differs from the one a create asks for, setting by
/// setting. Pure: the `…IfAbsent` use-cases fetch, these compare.
enum CreateComparison {
    static func activeDoc(_ existing: APIDoc, _ wanted: NewActiveDoc) -> [SettingDifference] {
        var differences = Differences()
        differences.compare("name", existing: existing.name, wanted: wanted.name)
        if let description = wanted.description {
            differences.compare("description", existing: existing.description ?? "", wanted: description)
        }
        if let published = wanted.published {
            differences.compare("published", existing: existing.published ?? false, wanted: published)
        }
        if let skip = wanted.skipSwaggerValidations {
            differences.compare("skip validation", existing: existing.skipSwaggerValidations ?? false, wanted: skip)
        }
        if let product = wanted.productID {
            differences.compare("product", existing: existing.serviceID.map { "#\($0)" } ?? "none", wanted: "#\(product)")
        }
        // Compared as parsed documents: key order and whitespace are no change.
        let body = existing.body ?? ""
        let same = JSONValue.parse(wanted.body).map { $0 == JSONValue.parse(body) } ?? (wanted.body == body)
        if !same {
            differences.append(SettingDifference(
                "document", existing: "\(body.utf8.count) bytes", wanted: "another document (\(wanted.body.utf8.count) bytes)"))
        }
        return differences.list
    }

    /// `existing` has the wanted rule's method, pattern and metric: those make it the same rule.
    static func mappingRule(_ existing: MappingRule, _ wanted: NewMappingRule) -> [SettingDifference] {
        var differences = Differences()
        differences.compare("delta", existing: String(existing.delta), wanted: String(wanted.delta))
        differences.compare("last", existing: existing.last ?? false, wanted: wanted.last ?? false)
        return differences.list
    }

    static func method(_ existing: Metric, _ wanted: NewMethod) -> [SettingDifference] {
        var differences = Differences()
        differences.compare("name", existing: existing.friendlyName, wanted: wanted.friendlyName ?? wanted.systemName)
        if let description = wanted.description {
            differences.compare("description", existing: existing.description ?? "", wanted: description)
        }
        return differences.list
    }

    static func applicationPlan(_ existing: ApplicationPlan, _ wanted: NewApplicationPlan) -> [SettingDifference] {
        var differences = Differences()
        differences.compare("name", existing: existing.name, wanted: wanted.name)
        differences.compare("state", existing: existing.state ?? "hidden", wanted: wanted.published ? "published" : "hidden")
        if let approval = wanted.approvalRequired {
            differences.compare("approval required", existing: existing.approvalRequired ?? false, wanted: approval)
        }
        if let trial = wanted.trialPeriodDays {
            differences.compare("trial period days", existing: String(existing.trialPeriodDays ?? 0), wanted: String(trial))
        }
        return differences.list
    }

    /// - Parameters:
    ///   - position: the existing policy's 1-based place in the chain.
    ///   - wantedPosition: where the create asked for it (clamped to the chain), nil for anywhere.
    static func policy(_ existing: PolicyConfig, position: Int, _ wanted: PolicyConfig, wantedPosition: Int?) -> [SettingDifference] {
        var differences = Differences()
        differences.compare("version", existing: existing.version, wanted: wanted.version)
        if existing.configuration != wanted.configuration {
            differences.append(SettingDifference(
                "configuration", existing: FieldChange.short("configuration", existing.configuration.description),
                wanted: FieldChange.short("configuration", wanted.configuration.description)))
        }
        differences.compare("enabled", existing: existing.enabled ?? false, wanted: wanted.enabled ?? false)
        if let wantedPosition { differences.compare("position", existing: String(position), wanted: String(wantedPosition)) }
        return differences.list
    }

    /// An account found by its organization has the user a signup would make.
    static func account(users: [User], username: String, email: String?) -> [SettingDifference] {
        var differences = Differences()
        guard let user = users.first(where: { $0.username == username }) else {
            let names = users.map(\.username).sorted()
            differences.append(SettingDifference("users", existing: names.isEmpty ? "none" : names.joined(separator: ", "), wanted: username))
            return differences.list
        }
        if let email { differences.compare("email of \(username)", existing: user.email ?? "", wanted: email) }
        return differences.list
    }

    /// The application named `name` that a create on `plan` finds among an account's
    /// applications of one product: one on that plan (kept), else one on another plan.
    static func application(named name: String, in applications: [Application], plan: ApplicationPlan, plans: [ApplicationPlan])
        -> (Application, [SettingDifference])?
    {
        let named = applications.filter { $0.name == name }.sorted { $0.id < $1.id }
        if let same = named.first(where: { $0.planID == plan.id }) { return (same, []) }
        guard let other = named.first else { return nil }
        let existingPlan = plans.first { $0.id == other.planID }?.name ?? other.planName ?? other.planID.map { "#\($0)" } ?? "none"
        return (other, [SettingDifference("plan", existing: existingPlan, wanted: plan.name)])
    }
}
