/// One setting in which an object that exists differs from the one a create asked for.
public struct SettingDifference: Sendable, Equatable, CustomStringConvertible {
    /// What differs, e.g. `private_endpoint` or `mapping rule GET / (hits)`.
    public var setting: String
    /// How 3scale has it; `none` when it has nothing there.
    public var existing: String
    /// How the create asked for it; `none` when it asked for nothing there.
    public var wanted: String

    public init(_ setting: String, existing: String, wanted: String) {
        self.setting = setting
        self.existing = existing
        self.wanted = wanted
    }

    public var description: String { "\(setting): \(existing) → \(wanted)" }
}

/// What a create did when the object may exist already (found by the name that
/// identifies it): made it, or found it and sent nothing.
public enum CreateOutcome<Object: Sendable>: Sendable {
    case created(Object)
    /// It exists with the settings asked for.
    case kept(Object)
    /// It exists with other settings; never empty.
    case differs(Object, [SettingDifference])

    /// The object made or found.
    public var object: Object {
        switch self {
        case .created(let object), .kept(let object), .differs(let object, _): return object
        }
    }

    /// Kept when nothing differs.
    static func found(_ object: Object, _ differences: [SettingDifference]) -> CreateOutcome {
        differences.isEmpty ? .kept(object) : .differs(object, differences)
    }
}

extension CreateOutcome: Equatable where Object: Equatable {}

/// Collects the settings that differ, each compared as text.
struct Differences {
    private(set) var list: [SettingDifference] = []

    mutating func compare(_ setting: String, existing: String, wanted: String) {
        if existing != wanted { list.append(SettingDifference(setting, existing: existing, wanted: wanted)) }
    }

    mutating func compare(_ setting: String, existing: Bool, wanted: Bool) {
        compare(setting, existing: String(existing), wanted: String(wanted))
    }

    mutating func append(_ difference: SettingDifference) { list.append(difference) }
}
