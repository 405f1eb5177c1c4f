using PtceFunding.Application.Applications;
using PtceFunding.Application.Committee;
using PtceFunding.Domain.Committee;
using PtceFunding.Web.Pages.Portail.Candidatures;

namespace PtceFunding.Web.Pages.Comite;

/// <summary>
/// A committee session for one of its members: conflict declarations before it opens, the ranked
/// agenda with scores, the funders' envelopes, and the decision form of each item during the meeting.
/// </summary>
public sealed class SessionModel(ISender sender) : PageModel
{
    public sealed class AmountInput
    {
        public Guid FunderId { get; set; }

        public string? Amount { get; set; }
    }

    public sealed class DecisionForm
    {
        public Guid ApplicationId { get; set; }

        public int ExpectedVersion { get; set; }

        public DecisionOutcome? Outcome { get; set; }

        public List<AmountInput> Amounts { get; set; } = [];

        public int? DurationYears { get; set; }

        public string? Conditions { get; set; }

        public string? PublicReasons { get; set; }

        public string? Rationale { get; set; }
    }

    public SessionAgenda? Agenda { get; private set; }

    public Error? Problem { get; private set; }

    /// <summary>The item whose decision form the problem is about, so that it is shown next to it.</summary>
    public Guid? ProblemItem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public DecisionForm Decision { get; set; } = new();

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken) =>
        await Load(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConflicts(Guid id, [FromForm] List<Guid> items, [FromForm] List<Guid> conflicts, CancellationToken cancellationToken)
    {
        var declared = await sender.Send(
            new DeclareCommitteeConflicts(id, [.. items.Distinct().Select(item => new ConflictDeclaration(item, conflicts.Contains(item)))]), cancellationToken);
        if (declared.IsSuccess)
        {
            Notice = declared.Value == 0
                ? "Votre déclaration est enregistrée : aucun conflit d'intérêts."
                : $"Votre déclaration est enregistrée : vous êtes récusé(e) pour {declared.Value} dossier(s).";
            return RedirectToPage(new { id });
        }

        Problem = declared.Error;
        return await Load(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDecide(Guid id, CancellationToken cancellationToken)
    {
        var amounts = new List<RequestedAmountInput>();
        foreach (var line in Decision.Amounts.Where(a => !string.IsNullOrWhiteSpace(a.Amount)))
        {
            if (!ApplicationText.TryParse(line.Amount, out var amount))
            {
                Problem = Error.Validation("Amounts", $"« {line.Amount} » n'est pas un montant en euros.");
                ProblemItem = Decision.ApplicationId;
                return await Load(id, cancellationToken) ? Page() : NotFound();
            }

            if (amount != 0)
            {
                amounts.Add(new RequestedAmountInput(line.FunderId, amount));
            }
        }

        if (Decision.Outcome is not { } outcome)
        {
            Problem = Error.Validation("Outcome", "Choisissez la décision : retenir, refuser ou ajourner.");
            ProblemItem = Decision.ApplicationId;
            return await Load(id, cancellationToken) ? Page() : NotFound();
        }

        var recorded = await sender.Send(
            new RecordDecision(id, Decision.ApplicationId, Decision.ExpectedVersion, outcome, amounts, Decision.DurationYears, Decision.Conditions, Decision.PublicReasons, Decision.Rationale ?? ""),
            cancellationToken);
        if (recorded.IsSuccess)
        {
            Notice = recorded.Value.SupersedesId is null
                ? $"Décision enregistrée : {Labels.Of(outcome).ToLowerInvariant()}."
                : $"Décision corrigée : {Labels.Of(outcome).ToLowerInvariant()} (la décision précédente est conservée dans l'historique).";
            return RedirectToPage(new { id });
        }

        Problem = recorded.Error;
        ProblemItem = Decision.ApplicationId;
        return await Load(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken cancellationToken)
    {
        var agenda = await sender.Send(new GetSessionAgenda(id), cancellationToken);
        Agenda = agenda.IsSuccess ? agenda.Value : null;
        return Agenda is not null;
    }
}
