using PtceFunding.Application.Organisations;

namespace PtceFunding.Web.Pages.Instruction;

/// <summary>
/// A program officer's pending requests to act for organisations of their territory: verify, or
/// refuse with a reason that the applicant receives.
/// </summary>
public sealed class RattachementsModel(ISender sender) : PageModel
{
    public IReadOnlyList<MembershipRequestLine> Requests { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    /// <summary>The request whose refusal form failed, and why.</summary>
    public Guid? FailedId { get; private set; }

    public string? Reason { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGet(CancellationToken cancellationToken) => await Load(cancellationToken);

    public async Task<IActionResult> OnPostDecide(Guid id, bool approve, string? reason, CancellationToken cancellationToken)
    {
        var decided = await sender.Send(new DecideMembershipRequest(id, approve, reason), cancellationToken);
        if (decided.IsSuccess)
        {
            Notice = approve ? "La demande est vérifiée : le demandeur en est informé." : "La demande est refusée : le demandeur reçoit le motif.";
            return RedirectToPage();
        }

        ErrorMessage = decided.Error.FieldErrors.Values.SelectMany(m => m).FirstOrDefault() ?? decided.Error.Message;
        FailedId = id;
        Reason = reason;
        await Load(cancellationToken);
        return Page();
    }

    private async Task Load(CancellationToken cancellationToken)
    {
        var requests = await sender.Send(new ListMembershipRequests(), cancellationToken);
        if (requests.IsSuccess)
        {
            Requests = requests.Value;
        }
        else
        {
            ErrorMessage ??= requests.Error.Message;
        }
    }
}
