using PtceFunding.Application.Calls;
using PtceFunding.Application.Committee;

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

    /// <summary>The meeting starts: decisions may be recorded on the committee's page.</summary>
    public async Task<IActionResult> OnPostOpen(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        var opened = await sender.Send(new OpenSession(sessionId), cancellationToken);
        if (opened.IsSuccess)
        {
            Notice = "La séance est ouverte : les membres du comité peuvent enregistrer les décisions.";
            return RedirectToPage(new { id });
        }

        Problem = opened.Error;
        return await Load(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>The session is locked, undecided files roll over and the applicants are told the decisions.</summary>
    public async Task<IActionResult> OnPostClose(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        var closed = await sender.Send(new CloseSession(sessionId), cancellationToken);
        if (closed.IsSuccess)
        {
            Notice = $"La session est close : {closed.Value.Decided} décision(s) notifiée(s) ({closed.Value.Notified} message(s)), {closed.Value.RolledOver} dossier(s) reporté(s) à la session suivante.";
            return RedirectToPage(new { id });
        }

        Problem = closed.Error;
        return await Load(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken cancellationToken)
    {
        var call = await sender.Send(new GetCall(id), cancellationToken);
        Call = call.IsSuccess ? call.Value : null;
        return Call is not null;
    }
}
