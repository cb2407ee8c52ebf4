/// Every admin endpoint the sandbox serves.
enum AdminRoutes {
    static let all: [AdminRoute] = BackendRoutes.all + ServiceRoutes.all + ProxyRoutes.all + PlanRoutes.all
        + AccountPlanRoutes.all + AccountRoutes.all + SubscriptionRoutes.all + ApplicationRoutes.all + ActiveDocRoutes.all
        + LifecycleRoutes.all + StatsRoutes.all

    static let table = AdminRouteTable(all)
}
