import Hummingbird
import NIOCore

/// `GET /health`, `GET /version` and `GET /v1/models`.
extension ModelServer {
    /// vLLM answers 200 with an empty body when the engine is alive.
    func health() -> Response {
        Response(status: .ok, body: ResponseBody())
    }

    func version() -> Response {
        .json(.object([("version", .string(ServerVersion.reported))]))
    }

    /// One card per served name, all backed by the same weights path.
    func models() -> Response {
        let cards: [JSON] = servedNames.map { name in
            .object([
                ("id", .string(name)),
                ("object", .string("model")),
                ("created", .int(startTime)),
                ("owned_by", .string("vllm")),
                ("root", .string("/mnt/models")),
                ("parent", .null),
                ("max_model_len", .int(ModelServerConfiguration.maxModelLength)),
                (
                    "permission",
                    .array([
                        .object([
                            ("id", .string(Identifiers.make("modelperm-"))),
                            ("object", .string("model_permission")),
                            ("created", .int(startTime)),
                            ("allow_create_engine", .bool(false)),
                            ("allow_sampling", .bool(true)),
                            ("allow_logprobs", .bool(true)),
                            ("allow_search_indices", .bool(false)),
                            ("allow_view", .bool(true)),
                            ("allow_fine_tuning", .bool(false)),
                            ("organization", .string("*")),
                            ("group", .null),
                            ("is_blocking", .bool(false)),
                        ])
                    ])
                ),
            ])
        }
        return .json(.object([("object", .string("list")), ("data", .array(cards))]))
    }
}
