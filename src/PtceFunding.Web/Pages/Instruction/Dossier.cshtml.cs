using System.Globalization;
using PtceFunding.Application.Agreements;
using PtceFunding.Application.Applications;
using PtceFunding.Application.Reviews;
using PtceFunding.Application.Users;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Web.Pages.Portail.Candidatures;

namespace PtceFunding.Web.Pages.Instruction;

/// <summary>
/// The program officer's review page: the whole application read-only, its documents and history,
/// and the actions its status allows (take or hand over the file, request corrections, confirm
/// completeness, declare eligibility, propose funding). Each form carries the version it was read at.
/// </summary>
public sealed class DossierModel(ISender sender) : PageModel
{
    public const string AssignmentSection = "attribution";
    public const string CorrectionsSection = "corrections";
    public const string CompletenessSection = "completude";
    public const string EligibilitySection = "eligibilite";
    public const string ProposalSection = "proposition";
    public const string ReviewersSection = "expertises";
    public const string AgreementSection = "convention";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ApplicationReviewView Review { get; private set; } = null!;

    public ApplicationView View => Review.Application;

    /// <summary>The reviewers assigned and their opinions, confidential part included (officers read it).</summary>
    public ReviewOpinionsView? Opinions { get; private set; }

    /// <summary>The section whose form was refused, with every reason.</summary>
    public string? ErrorSection { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The form was filled from an outdated read: the page shows the current data instead.</summary>
    public bool Stale { get; private set; }

    /// <summary>What was typed in a refused form, shown again.</summary>
    public Dictionary<string, string?> Typed { get; } = new(StringComparer.Ordinal);

    [TempData]
    public string? Notice { get; set; }

    public static IReadOnlyList<ScheduleShape> Shapes { get; } = Enum.GetValues<ScheduleShape>();

    public static IReadOnlyList<int> Durations { get; } = [.. Enumerable.Range(1, CallRules.LongestAgreementYears)];

    public bool CanRequestCorrections => ApplicationWorkflow.Allows(View.Status, ApplicationAction.RequestCorrections);

    public bool CanConfirmCompleteness => ApplicationWorkflow.Allows(View.Status, ApplicationAction.ConfirmCompleteness);

    public bool CanDeclareEligibility => ApplicationWorkflow.Allows(View.Status, ApplicationAction.DeclareEligible);

    public bool CanPropose => View.Status is ApplicationStatus.Complete or ApplicationStatus.Eligible;

    public bool CanAssign => FundingApplication.IsAwaitingDecision(View.Status);

    /// <summary>The application's agreement, once drafted.</summary>
    public Guid? AgreementId { get; private set; }

    /// <summary>Accepted by the current decision of a closed session (the published one) and not drafted yet.</summary>
    public bool CanDraftAgreement => AgreementId is null && View.Status == ApplicationStatus.Accepted
        && View.Decision?.Outcome == Domain.Committee.DecisionOutcome.Accepted;

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken) =>
        await Load(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssign(int expectedVersion, Guid? officerId, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new AssignApplication(Id, expectedVersion, officerId), cancellationToken);
        return await Done(result, officerId is null ? "Vous avez pris le dossier en charge." : "Le dossier est confié au chargé de mission choisi.", AssignmentSection, cancellationToken);
    }

    /// <summary>Assigns a reviewer, named by their e-mail address.</summary>
    public async Task<IActionResult> OnPostReviewer(string? reviewerEmail, CancellationToken cancellationToken)
    {
        Typed["reviewerEmail"] = reviewerEmail;
        var reviewer = await sender.Send(new FindAccountByEmail(reviewerEmail ?? ""), cancellationToken);
        if (!reviewer.IsSuccess)
        {
            return await Refused(ReviewersSection, [reviewer.Error.Message], cancellationToken);
        }

        var result = await sender.Send(new AssignReviewer(Id, reviewer.Value), cancellationToken);
        if (result.IsSuccess)
        {
            Notice = "L'expert est désigné : il est prévenu et doit d'abord déclarer ses éventuels conflits d'intérêts.";
            return RedirectToPage(null, null, new { id = Id }, ReviewersSection);
        }

        return result.Error.Kind == ErrorKind.NotFound ? NotFound() : await Refused(ReviewersSection, ApplicationText.Messages(result.Error), cancellationToken);
    }

    public async Task<IActionResult> OnPostCorrections(int expectedVersion, string? items, DateOnly? dueOn, CancellationToken cancellationToken)
    {
        Typed["items"] = items;
        Typed["dueOn"] = ModelState[nameof(dueOn)]?.AttemptedValue;
        if (dueOn is not { } due)
        {
            return await Refused(CorrectionsSection, [ModelState.FirstError(nameof(dueOn)) ?? "Indiquez la date limite des corrections (jj/mm/aaaa)."], cancellationToken);
        }

        var lines = (items ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var result = await sender.Send(new RequestCorrections(Id, expectedVersion, lines, due), cancellationToken);
        return await Done(result, "Le dossier est renvoyé au consortium : le chef de file est prévenu par courriel.", CorrectionsSection, cancellationToken);
    }

    public async Task<IActionResult> OnPostCompleteness(int expectedVersion, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ConfirmCompleteness(Id, expectedVersion), cancellationToken);
        return await Done(result, "Le dossier est déclaré complet.", CompletenessSection, cancellationToken);
    }

    public async Task<IActionResult> OnPostEligibility(int expectedVersion, bool eligible, string? reasons, CancellationToken cancellationToken)
    {
        Typed["reasons"] = reasons;
        var result = await sender.Send(new DeclareEligibility(Id, expectedVersion, eligible, reasons), cancellationToken);
        return await Done(
            result,
            eligible ? "Le dossier est déclaré éligible." : "Le dossier est déclaré inéligible : le consortium reçoit les motifs.",
            EligibilitySection,
            cancellationToken);
    }

    public async Task<IActionResult> OnPostProposal(
        int expectedVersion, string? report, List<Guid> funderIds, List<string?> amounts, int durationYears, ScheduleShape shape, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(funderIds);
        ArgumentNullException.ThrowIfNull(amounts);
        Typed["report"] = report;
        Typed["durationYears"] = durationYears.ToString(CultureInfo.InvariantCulture);
        Typed["shape"] = shape.ToString();
        var proposed = new List<RequestedAmountInput>();
        var unreadable = new List<string>();
        for (var i = 0; i < funderIds.Count; i++)
        {
            var text = i < amounts.Count ? amounts[i] : null;
            Typed[$"amount-{funderIds[i]}"] = text;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (ApplicationText.TryParse(text, out var amount))
            {
                proposed.Add(new RequestedAmountInput(funderIds[i], amount));
            }
            else
            {
                unreadable.Add($"« {text} » n'est pas un montant en euros (par exemple 12 345,67).");
            }
        }

        if (unreadable.Count > 0)
        {
            return await Refused(ProposalSection, unreadable, cancellationToken);
        }

        var result = await sender.Send(new ProposeFunding(Id, expectedVersion, report ?? "", proposed, durationYears, shape), cancellationToken);
        return await Done(result, "Le rapport d'instruction et la proposition sont enregistrés.", ProposalSection, cancellationToken);
    }

    /// <summary>Drafts the agreement of the accepted application and opens it.</summary>
    public async Task<IActionResult> OnPostAgreement(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new DraftAgreement(Id), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage("/Conventions/Convention", new { id = result.Value.Id });
        }

        return result.Error.Kind == ErrorKind.NotFound ? NotFound() : await Refused(AgreementSection, ApplicationText.Messages(result.Error), cancellationToken);
    }

    public bool HasErrors(string section) => ErrorSection == section && Errors.Count > 0;

    public string? TypedOr(string key, string? current) => Typed.TryGetValue(key, out var typed) ? typed : current;

    private async Task<IActionResult> Done(Result<int> result, string notice, string section, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            Notice = notice;
            return RedirectToPage(null, null, new { id = Id }, section);
        }

        if (result.Error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        if (ApplicationText.IsStale(result.Error))
        {
            Typed.Clear();
            Stale = true;
        }

        return await Refused(section, Stale ? [] : ApplicationText.Messages(result.Error), cancellationToken);
    }

    private async Task<IActionResult> Refused(string section, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        ErrorSection = section;
        Errors = errors;
        return Page();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetApplicationReview(Id), cancellationToken);
        if (!result.IsSuccess)
        {
            return false;
        }

        Review = result.Value;
        if (View.Status == ApplicationStatus.Accepted)
        {
            var agreements = await sender.Send(new ListAgreements(Id), cancellationToken);
            AgreementId = agreements.IsSuccess && agreements.Value.Count > 0 ? agreements.Value[0].Id : null;
        }
        var opinions = await sender.Send(new ListReviewOpinions(Id), cancellationToken);
        Opinions = opinions.IsSuccess ? opinions.Value : null;
        return true;
    }
}
