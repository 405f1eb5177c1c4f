using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Agreements;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Agreements;

/// <summary>After signature: amendments regenerate only what is not paid, termination settles what is due, recovery orders are tracked, dates activate and complete.</summary>
public sealed class AgreementLifecycleTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    private static readonly DateTimeOffset AfterStart = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_amendment_of_the_amount_keeps_the_paid_advance_replaces_the_rest_and_keeps_the_previous_terms_readable()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 90_000m, region: 30_000m);
        var finance = await agreement.Finance(agreement.State);
        var advance = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        await agreement.Order(finance, advance);
        (await AgreementSetup.Pay(finance, advance, "advance-1", advance.Amount)).EnsureSuccessStatusCode();
        var officer = await agreement.Committee.Officer();

        var amended = await Amend(officer, agreement, new { kind = "ChangeAmount", funders = new[] { new { funderId = agreement.State.Value, total = 120_000m, shape = "Tapering" } } });

        Assert.Equal(HttpStatusCode.Created, amended.StatusCode);
        Assert.Equal(1, (await amended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32());
        var state = await agreement.Installments(agreement.State);
        var paid = Assert.Single(state, i => i.Id == advance.Id);
        Assert.Equal((InstallmentState.Paid, advance.Amount, 0m), (paid.State, paid.Amount, paid.CancelledAmount));
        var replaced = state.Where(i => i.PlannedByVersion == 0 && i.Id != advance.Id).ToList();
        Assert.NotEmpty(replaced);
        Assert.All(replaced, i => Assert.Equal(InstallmentState.Cancelled, i.State));
        Assert.All(state.Where(i => i.PlannedByVersion == 1), i => Assert.Equal(InstallmentState.Planned, i.State));
        Assert.Equal(120_000m, state.Where(i => i.State != InstallmentState.Cancelled).Sum(i => i.OwedAmount));
        Assert.Equal(30_000m, (await agreement.Installments(agreement.Region)).Where(i => i.State != InstallmentState.Cancelled).Sum(i => i.OwedAmount));

        var read = await officer.GetFromJsonAsync<JsonElement>($"/api/agreements/{agreement.Id}");
        var versions = read.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([0, 1], versions.Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(120_000m, versions[0].GetProperty("total").GetDecimal());
        Assert.Equal(150_000m, versions[1].GetProperty("total").GetDecimal());
        Assert.Equal(150_000m, read.GetProperty("total").GetDecimal());
        var stored = await app.Db(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Id == new AgreementId(agreement.Id)));
        Assert.Equal(90_000m, stored.Versions[0].Funders.Single(f => f.FunderId == agreement.State).Total);
        var key = $"agreement-amended:{agreement.Id}:1";
        Assert.True(await app.Db(db => db.Notifications.AnyAsync(n => n.Template == "AgreementAmended" && n.RecipientEmail == agreement.Committee.LeadEmail && n.DeduplicationKey.StartsWith(key))));
    }

    [Fact]
    public async Task An_officer_amends_only_the_commitment_of_their_own_funder()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 90_000m, region: 30_000m);

        var refused = await Amend(await agreement.Committee.Officer(), agreement, new { kind = "ChangeAmount", funders = new[] { new { funderId = agreement.Region.Value, total = 10_000m, shape = "Flat" } } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("agreement.other_funder", await CommitteeSetup.Code(refused));
    }

    [Fact]
    public async Task Early_termination_cancels_the_rest_and_claims_back_the_overpaid_advance_settled_partially_then_fully_once_per_key()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var finance = await agreement.Finance(agreement.State);
        var advance = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        await agreement.Order(finance, advance);
        (await AgreementSetup.Pay(finance, advance, "advance-1", advance.Amount)).EnsureSuccessStatusCode();
        app.Clock.Now = AfterStart;

        // Terminated on 31 January 2027: 31 days of the first year are due.
        var terminated = await (await agreement.Committee.Officer()).PostAsJsonAsync(
            $"/api/agreements/{agreement.Id}/termination",
            new { effectiveOn = new DateOnly(2027, 1, 31), reason = "Dissolution du consortium", expectedVersion = await agreement.VersionOf() });

        Assert.Equal(HttpStatusCode.OK, terminated.StatusCode);
        var body = await terminated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("TerminatedEarly", body.GetProperty("status").GetString());
        var stored = await app.Db(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Id == new AgreementId(agreement.Id)));
        var due = PaymentSchedule.DueOnTermination(stored, stored.Funders[0], new DateOnly(2027, 1, 31));
        Assert.True(due > 0 && due < advance.Amount, $"due {due}");
        Assert.All((await agreement.Installments(agreement.State)).Where(i => i.Id != advance.Id), i => Assert.Equal(InstallmentState.Cancelled, i.State));
        var recovery = await app.Db(db => db.RecoveryOrders.AsNoTracking().SingleAsync(r => r.AgreementId == new AgreementId(agreement.Id)));
        finance = await agreement.Finance(agreement.State); // the first one's token expired with the clock moved on
        Assert.Equal((RecoveryCause.EarlyTermination, advance.Amount - due), (recovery.Cause, recovery.Amount));

        var issued = await finance.PostAsJsonAsync($"/api/recovery-orders/{recovery.Id}/issue", new { reference = "TP-2027-0042", expectedVersion = recovery.Version });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var part = await Settle(finance, recovery.Id, "back-1", 1_000m);
        var replay = await Settle(finance, recovery.Id, "back-1", 1_000m);
        var tooMuch = await Settle(finance, recovery.Id, "back-2", recovery.Amount);
        var rest = await Settle(finance, recovery.Id, "back-3", recovery.Amount - 1_000m);
        var byOtherFunder = await Settle(await agreement.Finance(agreement.Region), recovery.Id, "back-4", 1m);

        Assert.Equal(HttpStatusCode.Created, part.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.Equal("recovery.exceeds_outstanding", await CommitteeSetup.Code(tooMuch));
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherFunder.StatusCode);
        var settled = await app.Db(db => db.RecoveryOrders.AsNoTracking().SingleAsync(r => r.Id == recovery.Id));
        Assert.Equal((RecoveryState.Settled, "TP-2027-0042", 2), (settled.State, settled.Reference, settled.Settlements.Count));
        Assert.Equal(0m, settled.Outstanding);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409_and_a_stranger_is_told_the_agreement_does_not_exist()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 50_000m, region: 0m);
        var version = await agreement.VersionOf();
        var stranger = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(Domain.Funders.FunderKind.StateRegionalOffice, "11"));

        var stale = await Amend(await agreement.Committee.Officer(), agreement, new { kind = "ChangeYearlySplit", funders = new[] { new { funderId = agreement.State.Value, total = 50_000m, shape = "RampUp" } } }, version - 1);
        var hidden = await Amend(stranger, agreement, new { kind = "ChangeYearlySplit", funders = new[] { new { funderId = agreement.State.Value, total = 50_000m, shape = "RampUp" } } }, version);
        var hiddenTermination = await stranger.PostAsJsonAsync($"/api/agreements/{agreement.Id}/termination", new { effectiveOn = new DateOnly(2027, 6, 30), reason = "Abandon", expectedVersion = version });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenTermination.StatusCode);
        Assert.Equal(version, await agreement.VersionOf());
    }

    [Fact]
    public async Task The_daily_sweep_activates_agreements_whose_start_has_come_and_completes_those_whose_end_is_past_once()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 40_000m, region: 0m);
        var id = new AgreementId(agreement.Id);
        Assert.Equal(AgreementStatus.Signed, await StatusOf(id));

        app.Clock.Now = new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero);
        await Sweep();
        Assert.Equal(AgreementStatus.Signed, await StatusOf(id));

        app.Clock.Now = new DateTimeOffset(2027, 1, 1, 6, 0, 0, TimeSpan.Zero);
        var first = await Sweep();
        var again = await Sweep();
        Assert.Equal(AgreementStatus.Active, await StatusOf(id));
        Assert.True(first.Activated >= 1);
        Assert.Equal(0, again.Activated);

        var end = await app.Db(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id));
        app.Clock.Now = new DateTimeOffset(end.EndDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(12);
        await Sweep();
        Assert.Equal(AgreementStatus.Active, await StatusOf(id));
        app.Clock.Now = app.Clock.Now.AddDays(1);
        var completed = await Sweep();
        Assert.Equal(AgreementStatus.Completed, await StatusOf(id));
        Assert.True(completed.Completed >= 1);
        Assert.Equal(0, (await Sweep()).Completed);
    }

    private Task<AgreementStatus> StatusOf(AgreementId id) => app.Db(db => db.Agreements.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private async Task<AgreementSweepFigures> Sweep()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AgreementLifecycleSweep());
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private static async Task<HttpResponseMessage> Amend(HttpClient officer, AgreementSetup agreement, object values, int? expectedVersion = null)
    {
        var body = JsonSerializer.SerializeToElement(values, JsonSerializerOptions.Web).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["effectiveOn"] = "2027-03-01";
        body["reason"] = "Abondement décidé en comité de suivi";
        body["expectedVersion"] = expectedVersion ?? await agreement.VersionOf();
        return await officer.PostAsJsonAsync($"/api/agreements/{agreement.Id}/amendments", body);
    }

    private static Task<HttpResponseMessage> Settle(HttpClient finance, RecoveryOrderId id, string key, decimal amount)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/recovery-orders/{id}/settlements")
        {
            Content = JsonContent.Create(new { amount, receivedOn = new DateOnly(2027, 2, 1), reference = "REV-" + key }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return finance.SendAsync(request);
    }
}
