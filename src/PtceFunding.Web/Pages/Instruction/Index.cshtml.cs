using System.Globalization;
using PtceFunding.Application.Reviews;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Territories;

namespace PtceFunding.Web.Pages.Instruction;

/// <summary>
/// The officer inbox: the submitted applications of the officer's territory, filtered by status,
/// session, region, call or "mine", counted per status, sortable by column and paginated.
/// </summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The statuses an officer sees (drafts belong to the consortium).</summary>
    public static IReadOnlyList<ApplicationStatus> Statuses { get; } = [.. Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft)];

    [BindProperty(SupportsGet = true)]
    public ApplicationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Session { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Call { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public InboxSort Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public OfficerInbox? Inbox { get; private set; }

    public InboxFilters Filters { get; private set; } = new([], []);

    public string? ErrorMessage { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var filters = await sender.Send(new GetInboxFilters(), cancellationToken);
        if (filters.IsSuccess)
        {
            Filters = filters.Value;
        }

        var inbox = await sender.Send(new GetOfficerInbox(Status, Session, Region, Call, Mine == true ? true : null, Sort, Math.Max(1, PageNumber), PageSize), cancellationToken);
        if (inbox.IsSuccess)
        {
            Inbox = inbox.Value;
        }
        else
        {
            ErrorMessage = inbox.Error.Message;
        }
    }

    public int CountOf(ApplicationStatus status) => Inbox?.CountsByStatus.GetValueOrDefault(status) ?? 0;

    public int CountOfAll => Inbox?.CountsByStatus.Values.Sum() ?? 0;

    public static string RegionName(string code) => FrenchRegion.Find(code)?.Name ?? code;

    /// <summary>This page with the current filters, a status (null for every status), first page.</summary>
    public string WithStatus(ApplicationStatus? status) => Link(status, Sort, 1);

    /// <summary>This page with the current filters sorted by another column, first page.</summary>
    public string SortedBy(InboxSort sort) => Link(Status, sort, 1);

    public string AtPage(int page) => Link(Status, Sort, page);

    /// <summary>The aria-sort value of a column header.</summary>
    public string? AriaSort(InboxSort sort) =>
        Sort != sort ? null : sort is InboxSort.Submitted or InboxSort.TotalRequested ? "descending" : "ascending";

    private string Link(ApplicationStatus? status, InboxSort sort, int page)
    {
        var query = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add(nameof(Status), status?.ToString());
        Add(nameof(Session), Session?.ToString());
        Add(nameof(Region), Region);
        Add(nameof(Call), Call?.ToString());
        Add(nameof(Mine), Mine == true ? "true" : null);
        Add(nameof(Sort), sort == InboxSort.Submitted ? null : sort.ToString());
        Add(nameof(PageNumber), page == 1 ? null : page.ToString(CultureInfo.InvariantCulture));
        return query.Count == 0 ? "/Instruction" : "/Instruction?" + string.Join("&", query);
    }
}
