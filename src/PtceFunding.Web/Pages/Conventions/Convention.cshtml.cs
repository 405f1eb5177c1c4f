using PtceFunding.Application.Agreements;
using PtceFunding.Application.Reporting;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Users;

namespace PtceFunding.Web.Pages.Conventions;

/// <summary>
/// One agreement as its parties read it: parties, object, years and amounts, versions, signatures (with the
/// caller's "Signer" button while their party's signature is awaited), each funder's schedule with the status of
/// each installment, reporting obligations (once signed, the reports with their status and a link to each), the indicators' actual
/// values against their targets (table and chart) and the document. Officers reach the amendment and termination
/// pages, finance staff the agreement's finance page; the consortium reads it only.
/// </summary>
public sealed class ConventionModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public AgreementView View { get; private set; } = null!;

    /// <summary>The reports owed, once signed (a draft shows its obligations only).</summary>
    public IReadOnlyList<ReportSummary> Reports { get; private set; } = [];

    /// <summary>Actual against target per indicator and year (approved activity reports).</summary>
    public IReadOnlyList<IndicatorProgress> Indicators { get; private set; } = [];

    /// <summary>Why the signature was refused (rule broken, or someone acted since the page was read).</summary>
    public Error? Error { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public bool IsOfficer => User.IsInRole(Roles.ProgramOfficer);

    public bool IsFinance => User.IsInRole(Roles.FinanceOfficer);

    /// <summary>Amendments and termination concern an agreement in force.</summary>
    public bool InForce => Agreement.IsInForce(View.Status);

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken) =>
        await Load(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSign(int expectedVersion, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new SignAgreement(Id, expectedVersion), cancellationToken);
        if (result.IsSuccess)
        {
            Notice = result.Value.MissingSignatures.Count == 0
                ? "Votre signature est enregistrée : toutes les parties ont signé, la convention est signée."
                : "Votre signature est enregistrée. La convention attend encore la signature des autres parties.";
            return RedirectToPage(null, null, new { id = Id }, "signatures");
        }

        if (result.Error.Kind == ErrorKind.NotFound || !await Load(cancellationToken))
        {
            return NotFound();
        }

        Error = result.Error;
        return Page();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetAgreement(Id), cancellationToken);
        if (!result.IsSuccess)
        {
            return false;
        }

        View = result.Value;
        if (View.Status != AgreementStatus.Draft)
        {
            var reports = await sender.Send(new ListReports(Id), cancellationToken);
            Reports = reports.IsSuccess ? reports.Value : [];
            var indicators = await sender.Send(new GetIndicatorProgress(Id), cancellationToken);
            Indicators = indicators.IsSuccess ? indicators.Value : [];
        }

        return true;
    }
}
