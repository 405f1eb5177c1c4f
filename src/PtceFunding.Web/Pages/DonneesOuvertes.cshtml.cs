using PtceFunding.Application.Funders;
using PtceFunding.Domain.Users;

namespace PtceFunding.Web.Pages;

/// <summary>
/// Public: what the open data of the signed agreements holds and the two downloads (SCDL Subventions, 360Giving);
/// administrators also get the full exports and the funders whose grants are left out for want of a SIRET.
/// </summary>
public sealed class DonneesOuvertesModel(ISender sender) : PageModel
{
    public bool IsAdministrator { get; private set; }

    /// <summary>Funders without a SIRET (administrators only): their grants are not exported.</summary>
    public IReadOnlyList<string> FundersWithoutSiret { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken)
    {
        IsAdministrator = User.IsInRole(Roles.Administrator);
        if (IsAdministrator)
        {
            var funders = await sender.Send(new ListFunders(), cancellationToken);
            FundersWithoutSiret = funders.IsSuccess ? [.. funders.Value.Where(f => f.Siret is null).Select(f => f.Name)] : [];
        }
    }
}
