namespace OpenSend.Web.Pages.Shared;

/// <summary>A list's page links (GOV.UK pagination): the first and last pages, the current one and its neighbours, ellipses between.</summary>
public sealed record Pagination(int Page, int PageCount, Func<int, string> Link)
{
    /// <summary>The page numbers to show; null stands for an ellipsis.</summary>
    public IReadOnlyList<int?> Items()
    {
        var shown = new[] { 1, Page - 1, Page, Page + 1, PageCount }.Where(p => p >= 1 && p <= PageCount).Distinct().Order().ToList();
        var items = new List<int?>();
        foreach (var page in shown)
        {
            if (items.Count > 0 && page - items[^1] > 1)
            {
                items.Add(null);
            }

            items.Add(page);
        }

        return items;
    }
}
