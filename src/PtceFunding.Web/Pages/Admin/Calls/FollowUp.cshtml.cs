using System.Globalization;
using PtceFunding.Application.Calls;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Reminders;

namespace PtceFunding.Web.Pages.Admin.Calls;

/// <summary>How a call's agreements are laid out and when its deadlines are reminded (ChangeCallFollowUp).</summary>
public sealed class FollowUpModel(ISender sender) : PageModel
{
    public sealed class FollowUpInput
    {
        public bool AnniversaryYears { get; set; }

        public decimal AdvancePercentage { get; set; }

        public int ReportDueAfterMonths { get; set; }

        /// <summary>Days relative to a deadline, comma-separated: negative before, 0 on the day, positive after.</summary>
        public string Offsets { get; set; } = "";

        public int? EscalationOffset { get; set; }

        public int ReviewDueAfterDays { get; set; }

        public int ExpectedVersion { get; set; }
    }

    public CallView? Call { get; private set; }

    public Error? Problem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public FollowUpInput Input { get; set; } = new();

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken)
    {
        if (!await Load(id, cancellationToken))
        {
            return NotFound();
        }

        var call = Call!;
        Input = new FollowUpInput
        {
            AnniversaryYears = call.AgreementTerms.AnniversaryYears,
            AdvancePercentage = call.AgreementTerms.AdvancePercentage,
            ReportDueAfterMonths = call.AgreementTerms.ReportDueAfterMonths,
            Offsets = string.Join(", ", call.ReminderPolicy.Offsets),
            EscalationOffset = call.ReminderPolicy.EscalationOffset,
            ReviewDueAfterDays = call.ReminderPolicy.ReviewDueAfterDays,
            ExpectedVersion = call.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPost(Guid id, CancellationToken cancellationToken)
    {
        var offsets = Input.Offsets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => int.TryParse(o, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days) ? days : (int?)null)
            .ToList();
        if (offsets.Any(o => o is null))
        {
            Problem = Error.Validation("Offsets", "Les relances sont des nombres de jours séparés par des virgules, par exemple « -30, -7, 0, 15 ».");
            return await Load(id, cancellationToken) ? Page() : NotFound();
        }

        var changed = await sender.Send(
            new ChangeCallFollowUp(
                id,
                new CallAgreementTerms(Input.AnniversaryYears, Input.AdvancePercentage, Input.ReportDueAfterMonths),
                new ReminderPolicy([.. offsets.Select(o => o!.Value)], Input.EscalationOffset, Input.ReviewDueAfterDays),
                Input.ExpectedVersion),
            cancellationToken);
        if (changed.IsSuccess)
        {
            Notice = "Les modalités des conventions et la politique de relance de l'appel sont enregistrées.";
            return RedirectToPage(new { id });
        }

        Problem = changed.Error;
        return await Load(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken cancellationToken)
    {
        var call = await sender.Send(new GetCall(id), cancellationToken);
        Call = call.IsSuccess ? call.Value : null;
        return Call is not null;
    }
}
