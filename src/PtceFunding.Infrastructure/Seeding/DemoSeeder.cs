using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PtceFunding.Application.Notifications;
using PtceFunding.Infrastructure.Identity;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Infrastructure.Seeding;

/// <summary>The <c>Demo</c> configuration section: demo data for the embedded default only.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; } = true;

    /// <summary>The one password of every demo account. Demo only: the production database is never seeded.</summary>
    public string Password { get; set; } = "Demo-Ptce-2026!";

    /// <summary>
    /// The authenticator key (Base32) of the demo accounts whose role requires two-factor authentication (administrator,
    /// finance officers), printed at start-up to be added to an authenticator application. Demo only.
    /// </summary>
    public string AuthenticatorKey { get; set; } = "PTCEDEMOKEYPTCEDEMOKEYPTCEDEMOKE";
}

/// <summary>A demo account, as printed at start-up and listed in the README.</summary>
public sealed record DemoAccount(string Email, string Role, string Description);

/// <summary>Seeds, once, funders, organisations and their users, one user per staff role, calls with sessions, applications in several states, signed agreements with payments and reports in every state, so that a newcomer can try every screen.</summary>
public sealed class DemoSeeder(PtceDbContext db, UserManager<AppUser> users, IUserStore<AppUser> store, OperationContext operation, TimeProvider clock, IOptions<DemoOptions> options, IFileStore files)
{
    public static readonly FunderId StateNational = new(Guid.Parse("0196a000-0001-7000-8000-000000000001"));
    public static readonly FunderId StateAuvergneRhoneAlpes = new(Guid.Parse("0196a000-0001-7000-8000-000000000002"));
    public static readonly FunderId StateOccitanie = new(Guid.Parse("0196a000-0001-7000-8000-000000000003"));
    public static readonly FunderId RegionBretagne = new(Guid.Parse("0196a000-0001-7000-8000-000000000004"));
    public static readonly FunderId RegionReunion = new(Guid.Parse("0196a000-0001-7000-8000-000000000005"));

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin@demo.ptce.fr", Roles.Administrator, "Administratrice de la plateforme"),
        new("officer@demo.ptce.fr", Roles.ProgramOfficer, "Chargé de mission, DREETS Auvergne-Rhône-Alpes"),
        new("officer.bretagne@demo.ptce.fr", Roles.ProgramOfficer, "Chargée de mission, Région Bretagne"),
        new("reviewer@demo.ptce.fr", Roles.Reviewer, "Expert, DREETS Auvergne-Rhône-Alpes"),
        new("committee@demo.ptce.fr", Roles.CommitteeMember, "Membre du comité, État"),
        new("finance@demo.ptce.fr", Roles.FinanceOfficer, "Gestionnaire financière, DREETS Auvergne-Rhône-Alpes"),
        new("finance2@demo.ptce.fr", Roles.FinanceOfficer, "Second gestionnaire financier, DREETS Auvergne-Rhône-Alpes (approuve les coordonnées bancaires saisies par la première)"),
        new("applicant@demo.ptce.fr", Roles.Applicant, "Porteuse de projet, Coopérative des Monts du Lyonnais (chef de file)"),
        new("partenaire@demo.ptce.fr", Roles.Applicant, "Porteur de projet, Les Jardins de Cocagne du Rhône (membre du consortium)"),
        new("porteur.bretagne@demo.ptce.fr", Roles.Applicant, "Porteur de projet, Scop Armor Numérique (Bretagne)"),
        new("nouveau@demo.ptce.fr", Roles.Applicant, "Porteuse de projet en attente de rattachement à la Menuiserie Durand"),
    ];

    /// <summary>Seeds unless already done; answers whether anything was written.</summary>
    public async Task<bool> Seed(CancellationToken cancellationToken = default)
    {
        if (await db.Funders.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        operation.Name = "SeedDemoData";
        db.Funders.AddRange(
            Funder.Create(StateNational, "État — ministère chargé de l'économie sociale et solidaire", FunderKind.StateNational, null).Value,
            Funder.Create(StateAuvergneRhoneAlpes, "DREETS Auvergne-Rhône-Alpes", FunderKind.StateRegionalOffice, "84").Value,
            Funder.Create(StateOccitanie, "DREETS Occitanie", FunderKind.StateRegionalOffice, "76").Value,
            Funder.Create(RegionBretagne, "Région Bretagne", FunderKind.Region, "53").Value,
            Funder.Create(RegionReunion, "Région Réunion", FunderKind.Region, "04").Value);

        // Made-up SIRETs with valid keys (State bodies' SIRENs start with 1, Regions' with 23), published by
        // the open-data exports as idAttribuant.
        foreach (var (funder, siret) in new[]
        {
            (StateNational, "11000506600011"), (StateAuvergneRhoneAlpes, "13000952100035"), (StateOccitanie, "13000952200017"),
            (RegionBretagne, "23350001900010"), (RegionReunion, "23974001700011"),
        })
        {
            var recorded = db.Funders.Local.Single(f => f.Id == funder).SetSiret(siret);
            if (!recorded.IsSuccess)
            {
                throw new InvalidOperationException(recorded.Error.Message);
            }
        }
        var now = clock.GetUtcNow();
        var cooperative = Organisation.Register(OrganisationId.New(), "Coopérative des Monts du Lyonnais", "51203456700010", null, LegalForm.Scic, true, new PostalAddress("12 rue de la République", "69002", "Lyon", "69382"), now).Value;
        var gardens = Organisation.Register(OrganisationId.New(), "Les Jardins de Cocagne du Rhône", null, "W691000123", LegalForm.Association, true, new PostalAddress("3 chemin des Vergers", "69400", "Villefranche-sur-Saône", "69264"), now).Value;
        var joinery = Organisation.Register(OrganisationId.New(), "Menuiserie Durand SARL", "80123456700015", null, LegalForm.Sarl, false, new PostalAddress("8 avenue des Artisans", "42000", "Saint-Étienne", "42218"), now).Value;
        var armorScop = Organisation.Register(OrganisationId.New(), "Scop Armor Numérique", "44032187500021", null, LegalForm.Scop, true, new PostalAddress("5 quai Duguay-Trouin", "35000", "Rennes", "35238"), now).Value;
        db.Organisations.AddRange(cooperative, gardens, joinery, armorScop);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        await Add("admin@demo.ptce.fr", "Alice Administratrice", Roles.Administrator, null).ConfigureAwait(false);
        var officer = await Add("officer@demo.ptce.fr", "Camille Martin", Roles.ProgramOfficer, StateAuvergneRhoneAlpes).ConfigureAwait(false);
        var brittanyOfficer = await Add("officer.bretagne@demo.ptce.fr", "Nolwenn Le Gall", Roles.ProgramOfficer, RegionBretagne).ConfigureAwait(false);
        var reviewer = await Add("reviewer@demo.ptce.fr", "Étienne Roux", Roles.Reviewer, StateAuvergneRhoneAlpes).ConfigureAwait(false);
        var committee = await Add("committee@demo.ptce.fr", "Claire Dubois", Roles.CommitteeMember, StateNational).ConfigureAwait(false);
        var finance = await Add("finance@demo.ptce.fr", "Fatima Benali", Roles.FinanceOfficer, StateAuvergneRhoneAlpes).ConfigureAwait(false);
        await Add("finance2@demo.ptce.fr", "Grégoire Lambert", Roles.FinanceOfficer, StateAuvergneRhoneAlpes).ConfigureAwait(false);
        var paula = await Add("applicant@demo.ptce.fr", "Paula Porteuse", Roles.Applicant, null).ConfigureAwait(false);
        var jules = await Add("partenaire@demo.ptce.fr", "Jules Jardinier", Roles.Applicant, null).ConfigureAwait(false);
        var yann = await Add("porteur.bretagne@demo.ptce.fr", "Yann Le Bihan", Roles.Applicant, null).ConfigureAwait(false);
        var nina = await Add("nouveau@demo.ptce.fr", "Nina Nouvelle", Roles.Applicant, null).ConfigureAwait(false);

        // Verified by the officers of each organisation's region; one request still waits for the Auvergne-Rhône-Alpes officer.
        Verified(cooperative, paula, officer, "Présidente de la SCIC, mandat du conseil d'administration", now);
        Verified(gardens, jules, officer, "Directeur de l'association, délégation du bureau", now);
        Verified(armorScop, yann, brittanyOfficer, "Gérant de la SCOP", now);
        db.OrganisationMemberships.Add(OrganisationMembership.Request(joinery.Id, nina.Id, "Gérante de la SARL (extrait Kbis joint)", now));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        SeedBankDetails(cooperative, gardens, paula, jules, finance, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        await new DemoFunding(db, files).Seed(
            new DemoConsortia(cooperative, gardens, joinery, armorScop, paula.Id, jules.Id, yann.Id),
            new DemoStaff(officer.Id, brittanyOfficer.Id, reviewer.Id, committee.Id, finance.Id),
            now,
            cancellationToken).ConfigureAwait(false);

        // One in-app notification each, so that the officers' notifications pages show what one looks like (the
        // Auvergne-Rhône-Alpes officer soon gets more: reports submitted, overdue reports escalated).
        foreach (var (staffMember, funderName) in new[] { (officer, "DREETS Auvergne-Rhône-Alpes"), (brittanyOfficer, "Région Bretagne") })
        {
            await db.Enqueue(
                new OutgoingNotification(
                    staffMember.Id,
                    staffMember.Email!,
                    new Notices.StaffWelcome(Role: Roles.Label(Roles.ProgramOfficer), Funder: funderName) { Name = staffMember.DisplayName },
                    NotificationChannels.InApp,
                    staffMember == officer ? "demo:welcome:officer" : "demo:welcome:officer.bretagne"),
                clock.GetUtcNow(),
                cancellationToken).ConfigureAwait(false);
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        operation.Name = null;
        return true;
    }

    /// <summary>
    /// Approved bank details for the two lead members of the Auvergne-Rhône-Alpes consortia (entered by their
    /// users, approved by finance@), and a change for the Monts du Lyonnais entered by finance@ herself, which
    /// only finance2@ may approve (valid IBANs, RIB keys included).
    /// </summary>
    private void SeedBankDetails(Organisation cooperative, Organisation gardens, AppUser paula, AppUser jules, AppUser finance, DateTimeOffset now)
    {
        var cooperativeAccount = BankAccount.Enter(BankAccountId.New(), cooperative.Id, cooperative.Name, "FR7630006000011234567890189", "AGRIFRPP", paula.Id, now.AddDays(-28)).Value;
        cooperativeAccount.Approve(finance.Id, now.AddDays(-27));
        var gardensAccount = BankAccount.Enter(BankAccountId.New(), gardens.Id, gardens.Name, "FR7642559100000801234567812", "CCOPFRPP", jules.Id, now.AddDays(-25)).Value;
        gardensAccount.Approve(finance.Id, now.AddDays(-24));
        var change = BankAccount.Enter(BankAccountId.New(), cooperative.Id, cooperative.Name, "FR7610278073000002051234537", "CMCIFR2A", finance.Id, now.AddDays(-2)).Value;
        db.BankAccounts.AddRange(cooperativeAccount, gardensAccount, change);
    }

    private void Verified(Organisation organisation, AppUser user, AppUser officer, string justification, DateTimeOffset now)
    {
        var membership = OrganisationMembership.Request(organisation.Id, user.Id, justification, now.AddDays(-30));
        membership.Verify(officer.Id, now.AddDays(-29));
        db.OrganisationMemberships.Add(membership);
    }

    private async Task<AppUser> Add(string email, string name, string role, FunderId? funder)
    {
        var user = AppUser.New(email, name, funder, clock.GetUtcNow());
        Ensure(await users.CreateAsync(user, options.Value.Password).ConfigureAwait(false), email);
        Ensure(await users.AddToRoleAsync(user, role).ConfigureAwait(false), email);
        if (MultiFactor.IsRequiredFor([role]))
        {
            await MultiFactor.SetKey(users, store, user, options.Value.AuthenticatorKey).ConfigureAwait(false);
            Ensure(await users.SetTwoFactorEnabledAsync(user, true).ConfigureAwait(false), email);
        }

        return user;
    }

    private static void Ensure(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email} could not be created: {string.Join(", ", result.Errors.Select(e => e.Description))}");
        }
    }
}
