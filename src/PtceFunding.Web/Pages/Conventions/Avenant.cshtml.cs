using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Agreements;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Web.Pages.Portail.Candidatures;

namespace PtceFunding.Web.Pages.Conventions;

/// <summary>
/// The amendment wizard of a program officer of a funder party: (1) what the amendment changes, (2) the new values —
/// their funder's new total with a shape or a table of yearly amounts, the new duration, the new lead member —,
/// (3) a preview of the schedule computed by the same rules as the amendment (nothing saved), then confirmation.
/// Each step is a plain form (no script): the values travel in the form.
/// </summary>
public sealed class AvenantModel(ISender sender, ICurrentUser user, TimeProvider clock) : PageModel
{
    public sealed class AmendmentForm
    {
        public AmendmentKind? Kind { get; set; }

        public DateOnly? EffectiveOn { get; set; }

        public string? Reason { get; set; }

        public string? Total { get; set; }

        public ScheduleShape? Shape { get; set; }

        /// <summary>Yearly amounts typed in the table; all filled, they replace the shape.</summary>
        public List<string?> Years { get; set; } = [];

        public int? DurationYears { get; set; }

        public Guid? LeadOrganisationId { get; set; }

        public int ExpectedVersion { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public AmendmentForm Form { get; set; } = new();

    public AgreementView? Agreement { get; private set; }

    public AmendmentPreview? Preview { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The step shown: 1 choose the kind, 2 the values, 3 the preview.</summary>
    public int Step => Preview is not null ? 3 : Form.Kind is null ? 1 : 2;

    public AgreementFunderView? OwnFunder => Agreement?.Funders.FirstOrDefault(f => f.FunderId == user.FunderId?.Value);

    public static IReadOnlyList<AmendmentKind> Kinds { get; } =
        [AmendmentKind.ChangeAmount, AmendmentKind.ExtendDuration, AmendmentKind.ChangeYearlySplit, AmendmentKind.ChangeLeadMember];

    public static string KindHint(AmendmentKind kind) => kind switch
    {
        AmendmentKind.ChangeAmount => "Le montant de votre financeur augmente ou diminue ; les échéances non mises en paiement sont recalculées, un trop-versé donne lieu à un ordre de reversement.",
        AmendmentKind.ExtendDuration => "La convention est prolongée (5 ans au plus) ; les montants sont inchangés et répartis sur la nouvelle durée.",
        AmendmentKind.ChangeYearlySplit => "Le montant est inchangé ; sa répartition entre les années change.",
        AmendmentKind.ChangeLeadMember => "Un autre membre du consortium devient chef de file ; l'échéancier est inchangé.",
        _ => "",
    };

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        Form.ExpectedVersion = Agreement!.Version;
        Form.EffectiveOn ??= clock.Today();
        Form.Total ??= Formats.Input(OwnFunder?.Total);
        Form.DurationYears ??= Agreement.DurationYears;
        return Page();
    }

    public async Task<IActionResult> OnPostPreview(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        var input = Input();
        if (input is null)
        {
            return Page();
        }

        var preview = await sender.Send(new PreviewAmendment(Id, input), cancellationToken);
        if (preview.IsSuccess)
        {
            Preview = preview.Value;
        }
        else
        {
            Errors = ApplicationText.Messages(preview.Error);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirm(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        var input = Input();
        if (input is null)
        {
            return Page();
        }

        var amended = await sender.Send(
            new AmendAgreement(Id, input.Kind, input.EffectiveOn, input.Reason, input.Funders, input.DurationYears, input.LeadOrganisationId, Form.ExpectedVersion),
            cancellationToken);
        if (amended.IsSuccess)
        {
            Notice = $"L'avenant n° {amended.Value.Number} est enregistré : {amended.Value.CancelledInstallments} échéance(s) remplacée(s) par {amended.Value.AddedInstallments.Count} nouvelle(s)"
                + (amended.Value.RecoveryOrders.Count > 0 ? $", ordre de reversement de {Formats.Money(amended.Value.RecoveryOrders.Sum(r => r.Amount))}." : ".");
            return RedirectToPage(new { id = Id });
        }

        Errors = ApplicationText.IsStale(amended.Error)
            ? ["La convention a été modifiée entre-temps : vérifiez-la puis recommencez l'avenant."]
            : ApplicationText.Messages(amended.Error);
        return Page();
    }

    public string YearAmount(int year) => Form.Years.Count > year ? Form.Years[year] ?? "" : "";

    /// <summary>The form as the amendment's values; null (with <see cref="Errors"/>) when a field cannot be read.</summary>
    private AmendmentInput? Input()
    {
        var errors = new List<string>();
        if (Form.Kind is not { } kind)
        {
            errors.Add("Choisissez ce que modifie l'avenant.");
            kind = AmendmentKind.ChangeAmount;
        }

        if (Form.EffectiveOn is null)
        {
            errors.Add("Indiquez la date d'effet de l'avenant.");
        }

        var own = OwnFunder;
        List<AmendedCommitment>? funders = null;
        if (kind is AmendmentKind.ChangeAmount or AmendmentKind.ChangeYearlySplit or AmendmentKind.ExtendDuration && own is not null)
        {
            var total = own!.Total;
            if (kind == AmendmentKind.ChangeAmount && !ApplicationText.TryParse(Form.Total, out total))
            {
                errors.Add($"« {Form.Total} » n'est pas un montant en euros.");
            }

            List<decimal>? yearly = null;
            if (kind != AmendmentKind.ExtendDuration && Form.Years.Count > 0 && Form.Years.All(y => !string.IsNullOrWhiteSpace(y)))
            {
                yearly = [];
                foreach (var text in Form.Years)
                {
                    if (ApplicationText.TryParse(text, out var amount))
                    {
                        yearly.Add(amount);
                    }
                    else
                    {
                        errors.Add($"« {text} » n'est pas un montant en euros.");
                    }
                }
            }

            funders = [new AmendedCommitment(own.FunderId, total, yearly is null ? Form.Shape : null, yearly)];
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            return null;
        }

        return new AmendmentInput(kind, Form.EffectiveOn!.Value, Form.Reason ?? "", funders, kind == AmendmentKind.ExtendDuration ? Form.DurationYears : null, kind == AmendmentKind.ChangeLeadMember ? Form.LeadOrganisationId : null);
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var agreement = await sender.Send(new GetAgreement(Id), cancellationToken);
        if (!agreement.IsSuccess)
        {
            return false;
        }

        Agreement = agreement.Value;
        return true;
    }
}
