using PtceFunding.Application.Agreements;

namespace PtceFunding.Web.Pages.Conventions;

/// <summary>The agreements the user sees: the consortium's own, those of the applications an officer instructs, those of a finance officer's funder.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<AgreementSummary> Agreements { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListAgreements(), cancellationToken);
        Agreements = result.IsSuccess ? result.Value : [];
    }
}
