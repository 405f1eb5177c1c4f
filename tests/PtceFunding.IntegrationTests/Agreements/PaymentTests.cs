using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Payments;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Agreements;

/// <summary>Signature stores the installments; finance staff record the legal commitment, order installments and record payments exactly once.</summary>
public sealed class PaymentTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task The_last_signature_stores_each_funders_installments_adding_up_to_its_total_with_the_first_advance_due_at_signature()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 90_000m, region: 30_000m);

        var state = await agreement.Installments(agreement.State);
        var region = await agreement.Installments(agreement.Region);

        Assert.Equal(90_000m, state.Sum(i => i.Amount));
        Assert.Equal(30_000m, region.Sum(i => i.Amount));
        var firstAdvance = state.First(i => i is { Year: 1, Kind: InstallmentKind.Advance });
        Assert.Equal(new DateOnly(2026, 12, 1), firstAdvance.DueFrom);
        Assert.Equal(InstallmentStatus.Due, firstAdvance.StatusOn(new DateOnly(2026, 12, 1), held: false));
        Assert.All(state.Where(i => i.Kind == InstallmentKind.Balance), i => Assert.Equal(ReleaseCondition.YearReportsApproved, i.Condition));

        var read = await agreement.Committee.Lead.GetFromJsonAsync<JsonElement>($"/api/agreements/{agreement.Id}");
        var funder = read.GetProperty("funders").EnumerateArray().Single(f => f.GetProperty("funderId").GetGuid() == agreement.State.Value);
        Assert.Equal(state.Count, funder.GetProperty("installments").GetArrayLength());
        Assert.Equal("À payer", funder.GetProperty("installments")[0].GetProperty("statusLabel").GetString());
        Assert.Equal("Prévue", funder.GetProperty("installments").EnumerateArray().Last().GetProperty("statusLabel").GetString());
    }

    [Fact]
    public async Task Fifty_concurrent_identical_payment_requests_record_exactly_one_payment()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var finance = await agreement.Finance(agreement.State);
        var advance = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        await agreement.Order(finance, advance);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => AgreementSetup.Pay(finance, advance, "same-key", advance.Amount)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var paid = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        var payment = Assert.Single(paid.Payments);
        Assert.Equal(advance.Amount, payment.Amount);
        Assert.Equal(InstallmentState.Paid, paid.State);
    }

    [Fact]
    public async Task Fifty_concurrent_requests_with_different_keys_each_for_the_full_amount_record_exactly_one_payment()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var finance = await agreement.Finance(agreement.State);
        var advance = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        await agreement.Order(finance, advance);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => AgreementSetup.Pay(finance, advance, $"key-{i}", advance.Amount)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
        var paid = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        Assert.Equal(advance.Amount, Assert.Single(paid.Payments).Amount);
    }

    [Fact]
    public async Task Partial_payments_are_tracked_and_a_payment_beyond_what_remains_is_refused_changing_nothing()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 50_000m, region: 0m);
        var finance = await agreement.Finance(agreement.State);
        var advance = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        await agreement.Order(finance, advance);

        var first = await AgreementSetup.Pay(finance, advance, "part-1", 10_000m);
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        var tooMuch = await AgreementSetup.Pay(finance, advance, "part-2", advance.Amount - 10_000m + 0.01m);
        var rest = await AgreementSetup.Pay(finance, advance, "part-3", advance.Amount - 10_000m);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(InstallmentStatus.Ordered.ToString(), (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("installment").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.Equal("payment.exceeds_due", await CommitteeSetup.Code(tooMuch));
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        var paid = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        Assert.Equal([10_000m, advance.Amount - 10_000m], paid.Payments.OrderBy(p => p.RecordedAt).Select(p => p.Amount));
        Assert.Equal(InstallmentState.Paid, paid.State);
    }

    [Fact]
    public async Task A_balance_stays_blocked_until_its_reports_are_approved_then_it_is_ordered_to_approved_bank_details_only()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 60_000m, region: 0m);
        var finance = await agreement.Finance(agreement.State);
        (await agreement.RecordLegalCommitment(finance, "2103456789")).EnsureSuccessStatusCode();
        var balance = await agreement.Installment(agreement.State, 1, InstallmentKind.Balance);
        app.Clock.Now = new DateTimeOffset(2028, 3, 1, 9, 0, 0, TimeSpan.Zero);
        finance = await agreement.Finance(agreement.State);

        var blocked = await finance.PostAsJsonAsync($"/api/installments/{balance.Id}/order", new { reference = "DP-1", expectedVersion = balance.Version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        Assert.Equal("installment.blocked", await CommitteeSetup.Code(blocked));

        await app.Db(async db =>
        {
            var stored = await db.Installments.SingleAsync(i => i.Id == balance.Id);
            Assert.True(stored.Release("Comptes rendus 2027 approuvés", app.Clock.Now).IsSuccess);
            return await db.SaveChangesAsync();
        });
        var released = await agreement.Installment(agreement.State, 1, InstallmentKind.Balance);
        var withoutBankDetails = await finance.PostAsJsonAsync($"/api/installments/{balance.Id}/order", new { reference = "DP-1", expectedVersion = released.Version });
        Assert.Equal("payment.bank_details_missing", await CommitteeSetup.Code(withoutBankDetails));
        await agreement.ApproveBankDetails();
        var ordered = await finance.PostAsJsonAsync($"/api/installments/{balance.Id}/order", new { reference = "DP-1", expectedVersion = released.Version });

        Assert.Equal(HttpStatusCode.OK, ordered.StatusCode);
        Assert.Equal("Ordered", (await ordered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_finance_staff_of_the_installments_funder_record_payments_and_another_consortium_sees_nothing()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 40_000m, region: 10_000m);
        var stateFinance = await agreement.Finance(agreement.State);
        var advance = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        await agreement.Order(stateFinance, advance);
        var regionFinance = await agreement.Finance(agreement.Region);
        var (_, otherConsortium) = await agreement.Committee.Consortium.VerifiedUserOf(await agreement.Committee.Consortium.Organisation("SCIC Voisine"));

        var byOtherFunder = await AgreementSetup.Pay(regionFinance, advance, "k1", 100m);
        var byLead = await AgreementSetup.Pay(agreement.Committee.Lead, advance, "k2", 100m);
        var byOfficer = await AgreementSetup.Pay(await agreement.Committee.Officer(), advance, "k3", 100m);
        var readByOther = await otherConsortium.GetAsync($"/api/agreements/{agreement.Id}");
        var readByLead = await agreement.Committee.Lead.GetAsync($"/api/agreements/{agreement.Id}");

        Assert.Equal(HttpStatusCode.NotFound, byOtherFunder.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readByOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readByLead.StatusCode);
        Assert.Empty((await agreement.Installment(agreement.State, 1, InstallmentKind.Advance)).Payments);
    }
}
