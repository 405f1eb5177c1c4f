using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PtceFunding.Application.Calls;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;

namespace PtceFunding.Web.Pages.Admin.Calls;

/// <summary>The committee sessions of a call, and the form that plans the next one (which picks up the waiting applications).</summary>
public sealed class SessionsModel(ISender sender) : PageModel
{
    public sealed class SessionInput
    {
        public string Name { get; set; } = "";

        public DateOnly? CutOffDate { get; set; }

        public DateOnly? MeetingDate { get; set; }
    }

    public CallView? Call { get; private set; }

    public Error? Problem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken) =>
        await Load(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPost(Guid id, CancellationToken cancellationToken)
    {
        var planned = await sender.Send(
            new PlanCommitteeSession(id, Input.Name, Input.CutOffDate ?? default, Input.MeetingDate ?? default), cancellationToken);
        if (planned.IsSuccess)
        {
            Notice = $"La session « {Input.Name.Trim()} » est planifiée : {planned.Value.PickedUpApplications} dossier(s) en attente y ont été rattachés.";
            return RedirectToPage(new { id });
        }

        Problem = planned.Error;
        return await Load(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken cancellationToken)
    {
        var call = await sender.Send(new GetCall(id), cancellationToken);
        Call = call.IsSuccess ? call.Value : null;
        return Call is not null;
    }
}
