using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Agreements;

/// <summary>
/// Agreements for tests: accepted decisions of a closed session (a <see cref="CommitteeSetup"/>) drafted into
/// agreements starting on 1 January 2027 (State = DREETS, Region = the regional council, both of region 84), then
/// signed by every party. <see cref="Id"/> is the agreement of <see cref="Drafted(decimal, decimal)"/>.
/// </summary>
internal sealed class AgreementSetup(PtceApp app)
{
    public static readonly DateTimeOffset SignedAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public CommitteeSetup Committee { get; private set; } = null!;

    public Guid Id { get; private set; }

    public FunderId State => Committee.Consortium.State.Id;

    public FunderId Region => Committee.Consortium.Region.Id;

    /// <summary>A draft agreement for the amounts granted by each funder (0: that funder is not a party).</summary>
    public async Task<AgreementSetup> Drafted(decimal state, decimal region)
    {
        Id = (await DraftedAll((state, region)))[0];
        return this;
    }

    public static async Task<AgreementSetup> Start(PtceApp app)
    {
        var setup = new AgreementSetup(app);
        setup.Committee = await new CommitteeSetup(app).Start();
        return setup;
    }

    /// <summary>One draft agreement per grant (euros; 0 leaves the funder out), in order, all decided at the first session.</summary>
    public async Task<IReadOnlyList<Guid>> DraftedAll(params (decimal State, decimal Region)[] grants)
    {
        Committee ??= await new CommitteeSetup(app).Start();
        var applications = new List<Guid>();
        foreach (var (state, region) in grants)
        {
            applications.Add(await Committee.Eligible(state: state, region: region));
        }

        await Committee.Open(Committee.FirstSession);
        var member = await Committee.Member();
        foreach (var (applicationId, (state, region)) in applications.Zip(grants))
        {
            (await Committee.Accept(member, Committee.FirstSession, applicationId, state: state, region: region)).EnsureSuccessStatusCode();
        }

        await Committee.Close(Committee.FirstSession);
        var officer = await Committee.Officer();
        var agreements = new List<Guid>();
        foreach (var applicationId in applications)
        {
            var drafted = await officer.PostAsJsonAsync("/api/agreements", new { applicationId });
            Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
            agreements.Add((await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        return agreements;
    }

    /// <summary>Signatures of every funder party's officer, then of the lead member, on the clock's current time: the agreement is signed.</summary>
    public async Task Signed(Guid agreementId)
    {
        var versions = await app.Db(db => db.Agreements.AsNoTracking().Where(a => a.Id == new AgreementId(agreementId)).Select(a => a.Versions).SingleAsync());
        foreach (var commitment in versions[^1].Funders)
        {
            var officer = commitment.FunderId == Committee.Consortium.State.Id
                ? await Committee.Officer()
                : await app.ClientFor(Roles.ProgramOfficer, Committee.Consortium.Region);
            (await SignAs(officer, agreementId)).EnsureSuccessStatusCode();
        }

        (await SignAs(Committee.Lead, agreementId)).EnsureSuccessStatusCode();
        Assert.Equal(AgreementStatus.Signed, await app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(agreementId)).Select(a => a.Status).SingleAsync()));
    }

    /// <summary>A draft agreement signed by every party on <see cref="SignedAt"/> (before its start: signed, not yet active).</summary>
    public async Task<AgreementSetup> Signed(decimal state, decimal region)
    {
        await Drafted(state, region);
        app.Clock.Now = SignedAt;
        await Signed(Id);
        return this;
    }

    /// <summary>
    /// Several agreements of the same call, funders and lead member (accepted at the same session), each signed by every
    /// party on <see cref="SignedAt"/>, for the amounts (State, Region) given per agreement.
    /// </summary>
    public static async Task<IReadOnlyList<AgreementSetup>> SignedInOneCall(PtceApp app, params (decimal State, decimal Region)[] amounts)
    {
        var setup = await Start(app);
        var ids = await setup.DraftedAll(amounts);
        app.Clock.Now = SignedAt;
        var agreements = new List<AgreementSetup>();
        foreach (var id in ids)
        {
            await setup.Signed(id);
            agreements.Add(new AgreementSetup(app) { Committee = setup.Committee, Id = id });
        }

        return agreements;
    }

    public Task<int> VersionOf() => app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(Id)).Select(a => a.Version).SingleAsync());

    public Task<HttpResponseMessage> Sign(HttpClient client, int expectedVersion) =>
        client.PostAsJsonAsync($"/api/agreements/{Id}/signatures", new { expectedVersion });

    public async Task<HttpResponseMessage> SignAs(HttpClient client, Guid agreementId) =>
        await client.PostAsJsonAsync($"/api/agreements/{agreementId}/signatures", new { expectedVersion = await app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(agreementId)).Select(a => a.Version).SingleAsync()) });

    /// <summary>A finance officer of <paramref name="funder"/> (a new one each call).</summary>
    public async Task<HttpClient> Finance(FunderId funder) => await app.ClientFor(Roles.FinanceOfficer, await app.Db(db => db.Funders.SingleAsync(f => f.Id == funder)));

    public async Task<HttpResponseMessage> RecordLegalCommitment(HttpClient finance, string reference) =>
        await finance.PutAsJsonAsync($"/api/agreements/{Id}/legal-commitment", new { reference, expectedVersion = await VersionOf() });

    public Task<List<Installment>> Installments(FunderId funder) =>
        app.Db(db => db.Installments.AsNoTracking().Include(i => i.Payments)
            .Where(i => i.AgreementId == new AgreementId(Id) && i.FunderId == funder)
            .OrderBy(i => i.Year).ThenBy(i => i.Kind).ToListAsync());

    /// <summary>The installment of <paramref name="funder"/> for <paramref name="year"/> and <paramref name="kind"/> still in force.</summary>
    public async Task<Installment> Installment(FunderId funder, int year, InstallmentKind kind) =>
        (await Installments(funder)).Single(i => i.Year == year && i.Kind == kind && i.State != InstallmentState.Cancelled);

    /// <summary>Approved bank details for the lead member (entered by one finance officer, approved by another), once.</summary>
    public Task ApproveBankDetails() => app.Db(async db =>
    {
        var lead = (await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == new AgreementId(Id))).LeadOrganisationId;
        if (await db.BankAccounts.AnyAsync(b => b.OrganisationId == lead && b.Status == BankAccountStatus.Approved))
        {
            return 0;
        }

        var account = BankAccount.Enter(BankAccountId.New(), lead, "Pôle coopératif du Rhône", "FR7630006000011234567890189", "AGRIFRPP", Guid.NewGuid(), app.Clock.Now).Value;
        Assert.True(account.Approve(Guid.NewGuid(), app.Clock.Now).IsSuccess);
        db.BankAccounts.Add(account);
        return await db.SaveChangesAsync();
    });

    /// <summary>Records the legal commitment and the lead member's approved bank details, then orders the installment, as the given finance officer.</summary>
    public async Task Order(HttpClient finance, Installment installment, string reference = "DP-2026-0001")
    {
        await ApproveBankDetails();
        if ((await app.Db(db => db.Agreements.SingleAsync(a => a.Id == new AgreementId(Id)))).LegalCommitmentOf(installment.FunderId) is null)
        {
            (await RecordLegalCommitment(finance, "2103456789")).EnsureSuccessStatusCode();
        }

        (await finance.PostAsJsonAsync($"/api/installments/{installment.Id}/order", new { reference, expectedVersion = installment.Version })).EnsureSuccessStatusCode();
    }

    public static Task<HttpResponseMessage> Pay(HttpClient finance, Installment installment, string key, decimal amount, DateOnly? paidOn = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/installments/{installment.Id}/payments")
        {
            Content = JsonContent.Create(new { amount, paidOn = paidOn ?? DateOnly.FromDateTime(SignedAt.UtcDateTime), bankReference = "VIR-" + key }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return finance.SendAsync(request);
    }
}
