using PtceFunding.Application.Funders;
using PtceFunding.Application.Partners;

namespace PtceFunding.Web.Pages.Admin;

/// <summary>
/// The partner clients (docs/adr/0035): who they are, their funder and scopes, when last used; registering one, rotating
/// its secret, revoking it. A secret is shown once, on the page that issued it, and never stored in clear.
/// </summary>
public sealed class ClientsModel(ISender sender) : PageModel
{
    public IReadOnlyList<PartnerClientView> Clients { get; private set; } = [];

    public IReadOnlyList<FunderSummary> Funders { get; private set; } = [];

    public Error? Problem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>A secret just issued: rendered on this response only (never put in TempData, never in a URL).</summary>
    public PartnerClientCredentials? Issued { get; private set; }

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public Guid FunderId { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    /// <summary>The registration's id, chosen when the form is shown: a form sent twice registers one client.</summary>
    [BindProperty]
    public Guid RegistrationId { get; set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        RegistrationId = Guid.NewGuid();
        await Load(cancellationToken);
    }

    public async Task<IActionResult> OnPostRegister(CancellationToken cancellationToken)
    {
        var registered = await sender.Send(new RegisterPartnerClient(RegistrationId, Name, FunderId, Scopes), cancellationToken);
        if (registered.IsSuccess && registered.Value.Secret is null)
        {
            Notice = $"Le client « {Name.Trim()} » était déjà enregistré : son secret n'est montré qu'une fois ; générez-en un nouveau si besoin.";
            return RedirectToPage();
        }

        return await Answer(registered, $"Le client « {Name.Trim()} » est enregistré.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRotate(Guid id, CancellationToken cancellationToken) =>
        await Answer(await sender.Send(new RotatePartnerClientSecret(id), cancellationToken), "Un nouveau secret remplace l'ancien, qui ne vaut plus.", cancellationToken);

    public async Task<IActionResult> OnPostRevoke(Guid id, CancellationToken cancellationToken)
    {
        var revoked = await sender.Send(new RevokePartnerClient(id), cancellationToken);
        if (revoked.IsSuccess)
        {
            Notice = "Le client est révoqué : ses jetons sont refusés et il n'en obtient plus.";
            return RedirectToPage();
        }

        Problem = revoked.Error;
        RegistrationId = Guid.NewGuid();
        await Load(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> Answer(Result<PartnerClientCredentials> result, string notice, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            Issued = result.Value;
            Notice = notice;
            Name = "";
            Scopes = [];
        }
        else
        {
            Problem = result.Error;
        }

        RegistrationId = Guid.NewGuid();
        ModelState.Clear();
        await Load(cancellationToken);
        return Page();
    }

    private async Task Load(CancellationToken cancellationToken)
    {
        var clients = await sender.Send(new ListPartnerClients(), cancellationToken);
        Clients = clients.IsSuccess ? clients.Value : [];
        Problem ??= clients.Error;
        var funders = await sender.Send(new ListFunders(), cancellationToken);
        Funders = funders.IsSuccess ? funders.Value : [];
    }
}
