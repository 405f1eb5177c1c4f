using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Payments;
using PtceFunding.Infrastructure.Seeding;

namespace PtceFunding.IntegrationTests.Seeding;

/// <summary>The demo data seeds once on PostgreSQL, with signed agreements whose payments tell a story: some paid, one ordered, some blocked, one due.</summary>
public sealed class DemoSeedTests(PtceApp app) : IClassFixture<PtceApp>
{
    private const string UnderWay = "Recyclerie partagée du Forez";
    private const string JustSigned = "Ressourcerie textile du Roannais";
    private const string HeldByAnOverdueReport = "Conserverie coopérative du Pilat";

    [Fact]
    public async Task The_demo_seeds_once_with_signed_tapering_agreements_a_paid_advance_an_ordered_one_a_blocked_balance_and_a_due_first_advance()
    {
        Assert.True(await Seed());
        Assert.False(await Seed());

        var today = DateOnly.FromDateTime(app.Clock.Now.UtcDateTime);
        var agreements = await app.Db(db => db.Agreements.AsNoTracking().ToListAsync());
        Assert.Equal([HeldByAnOverdueReport, UnderWay, JustSigned], agreements.Select(a => a.Title).Order(StringComparer.Ordinal));
        var installments = await app.Db(db => db.Installments.AsNoTracking().Include(i => i.Payments).ToListAsync());
        foreach (var agreement in agreements)
        {
            Assert.NotEqual(AgreementStatus.Draft, agreement.Status);
            var funder = Assert.Single(agreement.Funders);
            Assert.Equal(DemoSeeder.StateAuvergneRhoneAlpes, funder.FunderId);
            Assert.True(funder.YearlyAmounts.Zip(funder.YearlyAmounts.Skip(1)).All(p => p.First >= p.Second), $"{agreement.Title} tapers: {string.Join(" / ", funder.YearlyAmounts)}");
            Assert.Equal(funder.Total, installments.Where(i => i.AgreementId == agreement.Id).Sum(i => i.Amount));
        }

        var forez = agreements.Single(a => a.Title == UnderWay);
        Assert.Equal(70_000m, forez.Total);
        Assert.NotNull(forez.LegalCommitmentOf(DemoSeeder.StateAuvergneRhoneAlpes));
        var ofForez = installments.Where(i => i.AgreementId == forez.Id).ToList();
        var paid = ofForez.Single(i => i is { Year: 1, Kind: InstallmentKind.Advance });
        Assert.Equal(InstallmentStatus.Paid, paid.StatusOn(today, forez.PaymentsHeld));
        Assert.Equal(paid.Amount, Assert.Single(paid.Payments).Amount);
        Assert.Equal(InstallmentStatus.Ordered, ofForez.Single(i => i is { Year: 2, Kind: InstallmentKind.Advance }).StatusOn(today, forez.PaymentsHeld));
        var blocked = ofForez.Single(i => i is { Year: 1, Kind: InstallmentKind.Balance });
        Assert.Equal(InstallmentStatus.Blocked, blocked.StatusOn(today, forez.PaymentsHeld));
        Assert.False(blocked.IsReleased);

        var textile = agreements.Single(a => a.Title == JustSigned);
        Assert.Empty(textile.LegalCommitments);
        Assert.Empty(installments.Where(i => i.AgreementId == textile.Id).SelectMany(i => i.Payments));
        Assert.Equal(InstallmentStatus.Due, installments.Single(i => i.AgreementId == textile.Id && i is { Year: 1, Kind: InstallmentKind.Advance }).StatusOn(today, textile.PaymentsHeld));

        // The third agreement: year 2's installments are cancelled (its activity report was rejected); every other
        // installment whose date has come is blocked, one of its reports being overdue.
        var held = agreements.Single(a => a.Title == HeldByAnOverdueReport);
        var ofHeld = installments.Where(i => i.AgreementId == held.Id && i.DueFrom <= today && i.State != InstallmentState.Cancelled).ToList();
        Assert.Equal([1, 3], installments.Where(i => i.AgreementId == held.Id && i.State != InstallmentState.Cancelled).Select(i => i.Year).Distinct().Order());
        Assert.Equal(4, ofHeld.Count);
        Assert.All(ofHeld, i => Assert.Equal(InstallmentStatus.Blocked, i.StatusOn(today, held: true)));
        Assert.Empty(ofHeld.SelectMany(i => i.Payments));

        // The DREETS finance officer finds them on the payments page: the Forez balance and year-2 advance, the Roannais
        // first advance, and the four blocked installments of the agreement held by an overdue report.
        var finance = new CookieBrowser(app);
        await finance.Login("finance@demo.ptce.fr", new DemoOptions().Password, new DemoOptions().AuthenticatorKey);
        var page = await finance.Get("/Finances/Echeances");
        Assert.Contains("7 échéance(s)", page, StringComparison.Ordinal);
        Assert.Contains("Bloquée", page, StringComparison.Ordinal);
        Assert.Contains("Mise en paiement", page, StringComparison.Ordinal);
        Assert.Contains("À payer", page, StringComparison.Ordinal);
    }

    private async Task<bool> Seed()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().Seed();
    }
}
