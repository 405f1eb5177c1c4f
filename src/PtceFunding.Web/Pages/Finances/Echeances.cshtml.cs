using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Payments;

namespace PtceFunding.Web.Pages.Finances;

/// <summary>The installments finance staff act on across agreements: due, blocked or ordered, earliest first.</summary>
public sealed class EcheancesModel(ISender sender, ICurrentUser user) : PageModel
{
    public IReadOnlyList<FinanceInstallment> Installments { get; private set; } = [];

    /// <summary>National staff see every funder's installments: the funder is then shown on each line.</summary>
    public bool ShowsFunders => user.Territory.IsNational;

    public Error? Problem { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var listed = await sender.Send(new ListInstallmentsForFinance(), cancellationToken);
        if (listed.IsSuccess)
        {
            Installments = listed.Value;
        }
        else
        {
            Problem = listed.Error;
        }
    }
}
