using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Reviews;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Committee;
using static PtceFunding.IntegrationTests.Reminders.ReminderSweeps;

namespace PtceFunding.IntegrationTests.Reminders;

/// <summary>
/// The reminders sweep on real data: the year-1 reports of an agreement starting on 1 January 2027 are due on
/// 30 June 2028 (activity and financial); the default policy reminds at J-30, J-7, J0 and J+15 (escalated).
/// </summary>
public sealed class ReminderSweepTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    private const string Reminder = "Rappel : compte rendu";
    private const string Overdue = "Échéance dépassée : compte rendu";
    private const string Escalation = "Compte rendu en retard";

    [Fact]
    public async Task A_report_due_date_sends_each_step_once_to_the_lead_member_and_escalates_to_the_funders_officers_at_J_plus_15()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 60_000m, region: 20_000m);
        var lead = agreement.Committee.LeadEmail;
        var stateOfficer = await app.AddUser(Roles.ProgramOfficer, agreement.Committee.Consortium.State);
        var regionOfficer = await app.AddUser(Roles.ProgramOfficer, agreement.Committee.Consortium.Region);
        var otherOfficer = await app.AddUser(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));

        await app.Sweep(On(2028, 5, 30));
        Assert.Empty(app.Subjects(lead, Reminder));

        await app.Sweep(On(2028, 5, 31));
        Assert.Equal(
            ["Rappel : compte rendu d'activité de l'année 1 à déposer avant le 30/06/2028", "Rappel : compte rendu financier de l'année 1 à déposer avant le 30/06/2028"],
            app.Subjects(lead, Reminder).Order());

        await app.Sweep(On(2028, 6, 1));
        Assert.Equal(2, app.Subjects(lead, Reminder).Count);

        await app.Sweep(On(2028, 6, 23));
        Assert.Equal(4, app.Subjects(lead, Reminder).Count);

        await app.Sweep(On(2028, 6, 30));
        Assert.Equal(6, app.Subjects(lead, Reminder).Count);
        Assert.Contains(app.Mail.To(lead), m => m.Text.Contains("au plus tard le 30/06/2028 (aujourd'hui)", StringComparison.Ordinal));

        await app.Sweep(On(2028, 7, 14));
        Assert.Empty(app.Subjects(lead, Overdue));
        Assert.Empty(app.Subjects(stateOfficer, Escalation));

        await app.Sweep(On(2028, 7, 15));
        Assert.Equal(6, app.Subjects(lead, Reminder).Count);
        Assert.Equal(
            ["Échéance dépassée : compte rendu d'activité de l'année 1 attendu le 30/06/2028", "Échéance dépassée : compte rendu financier de l'année 1 attendu le 30/06/2028"],
            app.Subjects(lead, Overdue).Order());
        Assert.Equal(2, app.Subjects(stateOfficer, Escalation).Count);
        Assert.Equal(2, app.Subjects(regionOfficer, Escalation).Count);
        Assert.Contains(app.Mail.To(stateOfficer), m => m.Text.Contains("il y a 15 jours", StringComparison.Ordinal) && m.Text.Contains("SCIC Lyon Comité", StringComparison.Ordinal));
        Assert.Empty(app.Mail.To(otherOfficer));

        await app.Sweep(On(2028, 9, 1));
        Assert.Equal(2, app.Subjects(lead, Overdue).Count);
        Assert.Equal(2, app.Subjects(stateOfficer, Escalation).Count);
    }

    [Fact]
    public async Task A_sweep_run_twice_writes_nothing_the_second_time()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 40_000m, region: 0m);

        var first = await app.Sweep(On(2028, 6, 23));
        var second = await app.Sweep(On(2028, 6, 23));

        Assert.True(first.Written >= 2, first.ToString());
        Assert.True(first.Reports >= 2, first.ToString());
        Assert.Equal(0, second.Written);
        Assert.Equal(first.Scanned, second.Scanned);
        Assert.Equal(2, app.Subjects(agreement.Committee.LeadEmail, Reminder).Count);
        var keys = await app.Db(db => db.Notifications.Where(n => n.DeduplicationKey.StartsWith("reminder:")).Select(n => n.DeduplicationKey).ToListAsync());
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task A_returned_report_gets_its_own_reminders_counted_from_its_new_due_date()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 30_000m, region: 0m);
        var lead = agreement.Committee.LeadEmail;
        await app.Sweep(On(2028, 6, 23));
        Assert.Single(app.Subjects(lead, "Rappel : compte rendu financier"));

        app.Clock.Now = On(2028, 6, 25);
        await app.Db(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.AgreementId == new AgreementId(agreement.Id) && r.Kind == ReportKind.Financial && r.YearNumber == 1);
            var today = new DateOnly(2028, 6, 25);
            Assert.True(report.Attach(new ReportAttachment(Guid.NewGuid(), Report.ApprovedAccounts, "comptes.pdf", "application/pdf", 10, new string('0', 64), "key", Guid.NewGuid(), app.Clock.Now.UtcDateTime), today).IsSuccess);
            Assert.True(report.Submit(Guid.NewGuid(), app.Clock.Now).IsSuccess);
            Assert.True(report.Return("Joindre l'annexe budgétaire.", new DateOnly(2028, 8, 31), Guid.NewGuid(), app.Clock.Now).IsSuccess);
            return await db.SaveChangesAsync();
        });

        await app.Sweep(On(2028, 7, 15));
        Assert.Equal(["Échéance dépassée : compte rendu d'activité de l'année 1 attendu le 30/06/2028"], app.Subjects(lead, Overdue));

        await app.Sweep(On(2028, 8, 1));
        Assert.Equal(
            ["Rappel : compte rendu financier de l'année 1 à déposer avant le 30/06/2028", "Rappel : compte rendu financier de l'année 1 à déposer avant le 31/08/2028"],
            app.Subjects(lead, "Rappel : compte rendu financier").Order());
    }

    [Fact]
    public async Task A_payment_due_but_not_ordered_is_reminded_to_the_finance_staff_of_its_funder_only_until_it_is_ordered()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 50_000m, region: 10_000m);
        var stateFinance = await app.AddUser(Roles.FinanceOfficer, agreement.Committee.Consortium.State);
        var regionFinance = await app.AddUser(Roles.FinanceOfficer, agreement.Committee.Consortium.Region);
        var otherFinance = await app.AddUser(Roles.FinanceOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));
        const string Payment = "Échéance à mettre en paiement";

        await app.Sweep(On(2026, 12, 1));
        var reminded = Assert.Single(app.Mail.To(stateFinance), m => m.Subject.StartsWith(Payment, StringComparison.Ordinal));
        Assert.Contains("avance de l'année 1", reminded.Text, StringComparison.Ordinal);
        Assert.Single(app.Subjects(regionFinance, Payment));
        Assert.Empty(app.Mail.To(otherFinance));
        Assert.Empty(app.Subjects(agreement.Committee.LeadEmail, Payment));

        var finance = await app.ClientFor(stateFinance);
        await agreement.Order(finance, await agreement.Installment(agreement.State, 1, InstallmentKind.Advance));
        await app.Sweep(On(2026, 12, 16));
        Assert.Single(app.Subjects(stateFinance, Payment));
        Assert.Equal(2, app.Subjects(regionFinance, Payment).Count);
    }

    [Fact]
    public async Task A_draft_is_reminded_before_the_cut_off_of_the_session_it_would_join()
    {
        var setup = await new CommitteeSetup(app).Start();
        var leadId = await setup.Consortium.Organisation("SCIC Brouillon");
        var partnerId = await setup.Consortium.Organisation("Association Brouillon", LegalForm.Association);
        var (email, client) = await setup.Consortium.VerifiedUserOf(leadId);
        await setup.Consortium.CompleteDraft(client, setup.CallId, leadId, partnerId);
        const string Draft = "Rappel : candidature";

        await app.Sweep(On(2026, 12, 1));
        await app.Sweep(On(2026, 12, 2));
        Assert.Single(app.Subjects(email, Draft));
        Assert.Contains("31/12/2026", app.Subjects(email, Draft)[0], StringComparison.Ordinal);

        await app.Sweep(On(2026, 12, 24));
        await app.Sweep(On(2027, 1, 2));
        Assert.Equal(2, app.Subjects(email, Draft).Count);
    }

    [Fact]
    public async Task Corrections_due_are_reminded_to_the_lead_member_and_escalated_to_the_officer_who_instructs()
    {
        var setup = await new CommitteeSetup(app).Start();
        var applicationId = await setup.Submitted();
        var officer = await app.AddUser(Roles.ProgramOfficer, setup.Consortium.State);
        var officerId = await app.UserId(officer);
        await app.Db(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == new FundingApplicationId(applicationId));
            Assert.True(application.Assign(officerId, "Chargée", officerId, app.Clock.Now).IsSuccess);
            Assert.True(application.RequestCorrections(["Joindre les statuts signés."], new DateOnly(2026, 12, 15), officerId, app.Clock.Now, "Europe/Paris").IsSuccess);
            return await db.SaveChangesAsync();
        });

        await app.Sweep(On(2026, 12, 1));
        await app.Sweep(On(2026, 12, 30));
        await app.Sweep(On(2026, 12, 31));

        Assert.Single(app.Subjects(setup.LeadEmail, "Rappel : corrections du dossier"));
        Assert.Single(app.Subjects(setup.LeadEmail, "Échéance dépassée : corrections du dossier"));
        Assert.Single(app.Subjects(officer, "Corrections en retard sur le dossier"));
    }

    [Fact]
    public async Task A_pending_opinion_is_reminded_to_the_reviewer_and_escalated_to_the_officer_who_assigned_them()
    {
        var setup = await new CommitteeSetup(app).Start();
        var applicationId = await setup.Submitted();
        var officer = await app.AddUser(Roles.ProgramOfficer, setup.Consortium.State);
        var reviewer = await app.AddUser(Roles.Reviewer);
        var (officerId, reviewerId) = (await app.UserId(officer), await app.UserId(reviewer));
        await app.Db(db =>
        {
            db.ReviewerAssignments.Add(ReviewerAssignment.Assign(ReviewerAssignmentId.New(), new FundingApplicationId(applicationId), reviewerId, officerId, app.Clock.Now));
            return db.SaveChangesAsync();
        });

        await app.Sweep(On(2026, 12, 1));
        await app.Sweep(On(2027, 1, 6));
        await app.Sweep(On(2027, 1, 7));

        Assert.Equal(["Rappel : avis d'expert sur le dossier"], app.Subjects(reviewer, "Rappel : avis d'expert").Select(s => s[..37]));
        Assert.Contains("22/12/2026", app.Subjects(reviewer, "Rappel : avis d'expert")[0], StringComparison.Ordinal);
        Assert.Single(app.Subjects(reviewer, "Échéance dépassée : avis d'expert"));
        Assert.Single(app.Subjects(officer, "Avis d'expert en retard"));
        // The officer follows the application, not the reviewer's assignment: the link opens its instruction page.
        var escalation = app.Mail.To(officer).Single(m => m.Subject.StartsWith("Avis d'expert en retard", StringComparison.Ordinal));
        Assert.Contains($"https://ptce.test/Instruction/Dossier?id={applicationId}", escalation.Text, StringComparison.Ordinal);
    }
}
