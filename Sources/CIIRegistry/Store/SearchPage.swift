/// One page of search results.
public struct SearchPage: Sendable, Hashable, Codable {
    /// The results of the page.
    public var items: [CaseSummary]
    /// How many case periods match in all.
    public var total: Int
    /// The page, from 0.
    public var page: Int
    /// The page size.
    public var pageSize: Int

    /// Creates a page.
    public init(items: [CaseSummary], total: Int, page: Int, pageSize: Int) {
        self.items = items
        self.total = total
        self.page = page
        self.pageSize = pageSize
    }
}
