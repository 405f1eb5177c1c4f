using PtceFunding.Application.Organisations;
using PtceFunding.Domain.Organisations;

namespace PtceFunding.Web.Pages.Organisations;

/// <summary>
/// "Mes organisations": the applicant's requests to act for organisations and where they stand; a
/// look-up by SIRET or RNA that leads to a request (registering the organisation first when it is
/// unknown); for each verified organisation, its users and an invitation form.
/// </summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    /// <summary>The SIRET or RNA number looked up.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Identifier { get; set; }

    [BindProperty]
    public Guid OrganisationId { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    [BindProperty]
    public string? InviteEmail { get; set; }

    [BindProperty]
    public NewOrganisation Form { get; set; } = new();

    public IReadOnlyList<MyOrganisation> Mine { get; private set; } = [];

    public IReadOnlyList<OrganisationMemberList> Verified { get; private set; } = [];

    public OrganisationSummary? Found { get; private set; }

    /// <summary>The identifier was looked up and is not in the registry: the page offers to register it.</summary>
    public bool Unknown { get; private set; }

    /// <summary>The organisation whose invitation form holds <see cref="Errors"/>.</summary>
    public Guid? InviteErrorFor { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? ErrorMessage { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public async Task OnGet(CancellationToken cancellationToken)
    {
        await Load(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Identifier))
        {
            await LookUp(cancellationToken);
        }
    }

    /// <summary>The supporting document (mandate, delegation, minutes) sent with a membership request, optional.</summary>
    [BindProperty]
    public IFormFile? Mandate { get; set; }

    public async Task<IActionResult> OnPostRequest(CancellationToken cancellationToken)
    {
        var requested = await sender.Send(new RequestOrganisationMembership(OrganisationId, Justification ?? ""), cancellationToken);
        if (requested.IsSuccess)
        {
            Notice = "Votre demande est enregistrée : le chargé de mission de la région de l'organisation va la vérifier. Vous serez prévenu par courriel."
                + await AttachMandate(requested.Value, cancellationToken);
            return RedirectToPage();
        }

        Fail(requested.Error);
        await Load(cancellationToken);
        await LookUp(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRegister(CancellationToken cancellationToken)
    {
        var registered = await sender.Send(
            new RegisterOrganisation(
                Form.Name ?? "", Blank(Form.Siret), Blank(Form.Rna), Form.LegalForm, Form.IsEss,
                Form.Street ?? "", Form.PostalCode ?? "", Form.City ?? "", Form.CommuneCode ?? ""),
            cancellationToken);
        if (!registered.IsSuccess)
        {
            Fail(registered.Error);
            Unknown = true;
            await Load(cancellationToken);
            return Page();
        }

        var requested = await sender.Send(new RequestOrganisationMembership(registered.Value.Id, Justification ?? ""), cancellationToken);
        if (!requested.IsSuccess)
        {
            // The organisation is registered now: the page shows it, with the request form.
            Fail(requested.Error);
            Identifier = Blank(Form.Siret) ?? Form.Rna;
            await Load(cancellationToken);
            await LookUp(cancellationToken);
            return Page();
        }

        Notice = "L'organisation est enregistrée et votre demande d'agir pour elle est transmise au chargé de mission de sa région. Vous serez prévenu par courriel."
            + await AttachMandate(requested.Value, cancellationToken);
        return RedirectToPage();
    }

    /// <summary>Joins the uploaded justificatif to the request; answers what to add to the notice.</summary>
    private async Task<string> AttachMandate(Guid membershipId, CancellationToken cancellationToken)
    {
        if (Mandate is not { Length: > 0 } file)
        {
            return "";
        }

        await using var content = file.OpenReadStream();
        var attached = await sender.Send(new AttachMembershipMandate(membershipId, file.FileName, file.Length, content), cancellationToken);
        return attached.IsSuccess
            ? $" Le justificatif « {attached.Value.FileName} » est joint à votre demande."
            : $" Le justificatif n'a pas pu être joint : {attached.Error.FieldErrors.Values.SelectMany(m => m).FirstOrDefault() ?? attached.Error.Message}";
    }

    public async Task<IActionResult> OnPostInvite(CancellationToken cancellationToken)
    {
        var invited = await sender.Send(new InviteToOrganisation(OrganisationId, InviteEmail ?? ""), cancellationToken);
        if (invited.IsSuccess)
        {
            Notice = $"L'invitation est envoyée à {InviteEmail?.Trim()} : elle est valable 14 jours.";
            return RedirectToPage();
        }

        Fail(invited.Error);
        InviteErrorFor = OrganisationId;
        await Load(cancellationToken);
        return Page();
    }

    public static string IdentifierOf(string? siret, string? rna) =>
        siret is not null ? $"SIRET {siret}" : rna is not null ? $"RNA {rna}" : "";

    private async Task Load(CancellationToken cancellationToken)
    {
        var mine = await sender.Send(new ListMyOrganisations(), cancellationToken);
        if (!mine.IsSuccess)
        {
            ErrorMessage = mine.Error.Message;
            return;
        }

        Mine = mine.Value;
        var verified = new List<OrganisationMemberList>();
        foreach (var organisation in Mine.Where(m => m.Status == MembershipStatus.Verified).Select(m => m.OrganisationId).Distinct())
        {
            var members = await sender.Send(new ListOrganisationMembers(organisation), cancellationToken);
            if (members.IsSuccess)
            {
                verified.Add(members.Value);
            }
        }

        Verified = verified;
    }

    private async Task LookUp(CancellationToken cancellationToken)
    {
        var found = await sender.Send(new FindOrganisation(Identifier ?? ""), cancellationToken);
        if (found.IsSuccess)
        {
            Found = found.Value;
            return;
        }

        Unknown = true;
        var identifier = (Identifier ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (identifier.StartsWith('W'))
        {
            Form.Rna ??= identifier;
            Form.LegalForm = LegalForm.Association;
        }
        else
        {
            Form.Siret ??= identifier;
        }
    }

    private void Fail(Error error)
    {
        Errors = error.FieldErrors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value));
        ErrorMessage = error.FieldErrors.Count > 0 ? "Certaines informations saisies sont à corriger." : error.Message;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The registration form of an organisation not yet in the registry.</summary>
    public sealed class NewOrganisation
    {
        public string? Name { get; set; }

        public string? Siret { get; set; }

        public string? Rna { get; set; }

        public LegalForm LegalForm { get; set; } = LegalForm.Association;

        public bool IsEss { get; set; }

        public string? Street { get; set; }

        public string? PostalCode { get; set; }

        public string? City { get; set; }

        public string? CommuneCode { get; set; }
    }
}
