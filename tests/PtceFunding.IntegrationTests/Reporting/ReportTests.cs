using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Reporting;

/// <summary>Reports filed by the consortium and reviewed by the officers gate the agreement's payments.</summary>
public sealed class ReportTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task Signature_stores_the_reports_owed_and_the_consortium_lists_them()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        app.Clock.Now = Reports.Year1Filing;

        var list = await (await new Reports(app, agreement).Lead()).GetFromJsonAsync<JsonElement>($"/api/agreements/{agreement.Id}/reports");

        Assert.Equal(
            ["Activity 1 Open", "Financial 1 Open", "Activity 2 Upcoming", "Financial 2 Upcoming", "Final  Upcoming"],
            list.EnumerateArray().Select(r => $"{r.GetProperty("kind").GetString()} {(r.GetProperty("yearNumber").ValueKind == JsonValueKind.Null ? "" : r.GetProperty("yearNumber").GetInt32())} {r.GetProperty("status").GetString()}"));
        Assert.Equal("2028-06-30", list[0].GetProperty("dueOn").GetString());
        Assert.Equal("À déposer", list[0].GetProperty("statusLabel").GetString());
    }

    [Fact]
    public async Task Once_both_reports_of_a_year_are_approved_its_balance_is_released_and_can_be_ordered()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        app.Clock.Now = Reports.Year1Filing;
        var finance = await agreement.Finance(agreement.State);
        var officer = await agreement.Committee.Officer();
        var balance = await agreement.Installment(agreement.State, 1, InstallmentKind.Balance);
        await agreement.ApproveBankDetails();
        (await agreement.RecordLegalCommitment(finance, "2103456789")).EnsureSuccessStatusCode();

        var early = await finance.PostAsJsonAsync($"/api/installments/{balance.Id}/order", new { reference = "DP-SOLDE-1", expectedVersion = balance.Version });
        Assert.Equal("installment.blocked", await CommitteeSetup.Code(early));

        await reports.FileYear(1);
        (await reports.Approve(officer, ReportKind.Activity, 1)).EnsureSuccessStatusCode();
        Assert.False((await agreement.Installment(agreement.State, 1, InstallmentKind.Balance)).IsReleased);
        var approved = await reports.Approve(officer, ReportKind.Financial, 1);
        approved.EnsureSuccessStatusCode();

        var released = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("released");
        Assert.Equal(balance.Id.Value, Assert.Single(released.EnumerateArray()).GetProperty("id").GetGuid());
        balance = await agreement.Installment(agreement.State, 1, InstallmentKind.Balance);
        Assert.Equal("Comptes rendus de l'année 1 approuvés", balance.ReleasedBy);
        Assert.False((await agreement.Installment(agreement.State, 2, InstallmentKind.Balance)).IsReleased);
        var ordered = await finance.PostAsJsonAsync($"/api/installments/{balance.Id}/order", new { reference = "DP-SOLDE-1", expectedVersion = balance.Version });
        Assert.Equal(HttpStatusCode.OK, ordered.StatusCode);
        Assert.Equal("Ordered", (await ordered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        await app.DeliverNotifications();
        var mail = Assert.Single(app.Mail.To(agreement.Committee.LeadEmail), m => m.Subject == "Compte rendu approuvé : Pôle coopératif du Rhône" && m.Text.Contains("financier", StringComparison.Ordinal));
        Assert.Contains("20 000,00", mail.Text.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_report_blocks_the_next_payment_until_it_is_submitted()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        var advance = await agreement.Installment(agreement.State, 2, InstallmentKind.Advance);
        app.Clock.Now = new DateTimeOffset(Reports.Year1Due.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        await agreement.ApproveBankDetails();
        var finance = await agreement.Finance(agreement.State);
        (await agreement.RecordLegalCommitment(finance, "2103456789")).EnsureSuccessStatusCode();

        var refused = await finance.PostAsJsonAsync($"/api/installments/{advance.Id}/order", new { reference = "DP-AV-2", expectedVersion = advance.Version });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("installment.blocked", await CommitteeSetup.Code(refused));
        var read = await (await reports.Lead()).GetFromJsonAsync<JsonElement>($"/api/agreements/{agreement.Id}");
        var view = read.GetProperty("funders")[0].GetProperty("installments").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == advance.Id.Value);
        Assert.Equal("Bloquée", view.GetProperty("statusLabel").GetString());
        var forFinance = await finance.GetFromJsonAsync<JsonElement>("/api/finance/agreements");
        Assert.Equal("Blocked", forFinance.EnumerateArray().Single(a => a.GetProperty("agreementId").GetGuid() == agreement.Id).GetProperty("nextInstallment").GetProperty("status").GetString());

        await reports.FileYear(1);

        var ordered = await finance.PostAsJsonAsync($"/api/installments/{advance.Id}/order", new { reference = "DP-AV-2", expectedVersion = advance.Version });
        Assert.Equal(HttpStatusCode.OK, ordered.StatusCode);
    }

    [Fact]
    public async Task At_half_past_midnight_in_Paris_a_report_due_yesterday_is_overdue_for_every_path()
    {
        // 1 July 2028, 00:30 in Paris is still 30 June in UTC: the report due on 30 June is overdue in Paris.
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        var advance = await agreement.Installment(agreement.State, 2, InstallmentKind.Advance);
        app.Clock.Now = new DateTimeOffset(2028, 6, 30, 22, 30, 0, TimeSpan.Zero);
        await agreement.ApproveBankDetails();
        var finance = await agreement.Finance(agreement.State);
        (await agreement.RecordLegalCommitment(finance, "2103456789")).EnsureSuccessStatusCode();

        var report = await Reports.Read(await reports.Lead(), (await reports.Of(ReportKind.Activity, 1)).Id.Value);
        var order = await finance.PostAsJsonAsync($"/api/installments/{advance.Id}/order", new { reference = "DP-AV-2", expectedVersion = advance.Version });
        var forFinance = await finance.GetFromJsonAsync<JsonElement>("/api/finance/agreements");

        Assert.Equal("Overdue", report.GetProperty("status").GetString());
        Assert.Equal("installment.blocked", await CommitteeSetup.Code(order));
        Assert.Equal("Blocked", forFinance.EnumerateArray().Single(a => a.GetProperty("agreementId").GetGuid() == agreement.Id).GetProperty("nextInstallment").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_returned_report_gets_a_new_due_date_and_is_overdue_only_after_it()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        app.Clock.Now = Reports.Year1Filing;
        await reports.FileYear(1);
        var newDue = new DateOnly(2028, 9, 30);

        app.Clock.Now = new DateTimeOffset(2028, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var officer = await agreement.Committee.Officer();
        (await reports.Return(officer, ReportKind.Activity, 1, "Précisez la nature des emplois créés.", newDue)).EnsureSuccessStatusCode();

        var activity = await reports.Of(ReportKind.Activity, 1);
        Assert.Equal((ReportState.Returned, newDue, Reports.Year1Due), (activity.State, activity.DueOn, activity.OriginalDueOn));
        app.Clock.Now = new DateTimeOffset(2028, 7, 15, 9, 0, 0, TimeSpan.Zero);
        var read = await Reports.Read(await reports.Lead(), activity.Id.Value);
        Assert.Equal("Returned", read.GetProperty("status").GetString());
        Assert.True(read.GetProperty("canFile").GetBoolean());
        Assert.Equal("Précisez la nature des emplois créés.", read.GetProperty("reviews")[0].GetProperty("comments").GetString());
        Assert.False(await app.Db(db => Application.Payments.PaymentHolds.PaymentsHeld(db, db.Agreements.Single(a => a.Id == new AgreementId(agreement.Id)), new DateOnly(2028, 7, 15), default)));

        app.Clock.Now = new DateTimeOffset(2028, 10, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal("Overdue", (await Reports.Read(await reports.Lead(), activity.Id.Value)).GetProperty("status").GetString());

        await app.DeliverNotifications();
        var mail = Assert.Single(app.Mail.To(agreement.Committee.LeadEmail), m => m.Subject == "Compte rendu à compléter : Pôle coopératif du Rhône");
        Assert.Contains("30/09/2028", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Précisez la nature des emplois créés.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_an_incomplete_report_lists_every_failure_at_once()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        app.Clock.Now = new DateTimeOffset(2029, 1, 10, 9, 0, 0, TimeSpan.Zero);

        var response = await reports.Submit(await reports.Lead(), ReportKind.Final, null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("report.incomplete", problem.GetProperty("code").GetString());
        Assert.Equal(["report.indicator_missing", "report.attachment_missing"], problem.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
        Assert.Equal(ReportState.Pending, (await reports.Of(ReportKind.Final, null)).State);
    }

    [Fact]
    public async Task Filing_before_the_period_ends_or_with_a_stale_version_is_refused()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        var activity = await reports.Of(ReportKind.Activity, 1);
        app.Clock.Now = new DateTimeOffset(2027, 12, 31, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal("report.not_open", await CommitteeSetup.Code(await Reports.FillIndicators(await reports.Lead(), activity, 5m)));

        app.Clock.Now = Reports.Year1Filing;
        (await Reports.FillIndicators(await reports.Lead(), activity, 5m)).EnsureSuccessStatusCode();
        var stale = await Reports.FillIndicators(await reports.Lead(), activity, 6m, expectedVersion: activity.Version);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(5m, Assert.Single((await reports.Of(ReportKind.Activity, 1)).Values).Value);
    }

    [Fact]
    public async Task Another_consortium_and_officers_of_other_funders_do_not_find_the_report()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        app.Clock.Now = Reports.Year1Filing;
        var activity = await reports.Of(ReportKind.Activity, 1);
        var stranger = await app.ClientFor(Roles.Applicant, null);
        var otherRegion = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(Domain.Funders.FunderKind.StateRegionalOffice, "11"));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/reports/{activity.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/agreements/{agreement.Id}/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reports.FillIndicators(stranger, activity, 5m)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/reports/{activity.Id}/attachments", Reports.Form(Report.ApprovedAccounts))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherRegion.GetAsync($"/api/reports/{activity.Id}")).StatusCode);
        Assert.Empty((await reports.Of(ReportKind.Activity, 1)).Values);
    }

    [Fact]
    public async Task An_officer_of_a_funder_not_party_to_the_agreement_cannot_review_its_reports()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        app.Clock.Now = Reports.Year1Filing;
        await reports.FileYear(1);

        // The regional council's officer sees the application (its region) but the region gives nothing here.
        var region = await app.ClientFor(Roles.ProgramOfficer, agreement.Committee.Consortium.Region);
        var refused = await reports.Approve(region, ReportKind.Activity, 1);

        Assert.Equal("agreement.not_a_party", await CommitteeSetup.Code(refused));
        Assert.Equal(ReportState.Submitted, (await reports.Of(ReportKind.Activity, 1)).State);
    }

    [Fact]
    public async Task An_attachment_is_stored_and_downloaded_and_a_file_of_the_wrong_type_is_refused()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        app.Clock.Now = Reports.Year1Filing;
        var financial = await reports.Of(ReportKind.Financial, 1);
        var lead = await reports.Lead();

        var elf = Documents.Uploads.Form(Documents.Uploads.Elf(), "comptes.pdf");
        elf.Add(new StringContent(Report.ApprovedAccounts), "type");
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PostAsync($"/api/reports/{financial.Id}/attachments", elf)).StatusCode);
        Assert.Equal("validation", await CommitteeSetup.Code(await lead.PostAsync($"/api/reports/{financial.Id}/attachments", Reports.Form("bilan-final"))));
        var uploaded = await lead.PostAsync($"/api/reports/{financial.Id}/attachments", Reports.Form(Report.ApprovedAccounts));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);

        var officer = await agreement.Committee.Officer();
        var download = await officer.GetAsync(uploaded.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var read = await Reports.Read(officer, financial.Id.Value);
        Assert.Equal("comptes-2027.pdf", read.GetProperty("requiredAttachments")[0].GetProperty("attachment").GetProperty("fileName").GetString());
        Assert.False(read.GetProperty("canFile").GetBoolean());
    }

    [Fact]
    public async Task Indicator_progress_shows_targets_and_only_approved_actual_values()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        app.Clock.Now = Reports.Year1Filing;
        var officer = await agreement.Committee.Officer();
        await reports.FileYear(1, emplois: 7m);
        (await reports.Approve(officer, ReportKind.Activity, 1)).EnsureSuccessStatusCode();
        app.Clock.Now = new DateTimeOffset(2029, 1, 10, 9, 0, 0, TimeSpan.Zero);
        await reports.FileYear(2, emplois: 9m);

        var progress = await (await agreement.Committee.Officer()).GetFromJsonAsync<JsonElement>($"/api/agreements/{agreement.Id}/indicators");

        var emplois = Assert.Single(progress.EnumerateArray());
        Assert.Equal(("emplois", "Emplois créés ou maintenus", 4m), (emplois.GetProperty("code").GetString(), emplois.GetProperty("label").GetString(), emplois.GetProperty("baseline").GetDecimal()));
        Assert.Equal(
            ["1: 5 / 7", "2: 6 / -"],
            emplois.GetProperty("years").EnumerateArray().Select(y => $"{y.GetProperty("yearNumber").GetInt32()}: {y.GetProperty("target").GetDecimal()} / {(y.GetProperty("actual").ValueKind == JsonValueKind.Null ? "-" : y.GetProperty("actual").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture))}"));
    }

    [Fact]
    public async Task A_termination_waives_the_reports_of_the_years_after_it_and_ends_the_final_report_on_its_date()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        app.Clock.Now = new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var officer = await agreement.Committee.Officer();

        var terminated = await officer.PostAsJsonAsync(
            $"/api/agreements/{agreement.Id}/termination", new { effectiveOn = new DateOnly(2027, 9, 30), reason = "Dissolution du consortium", expectedVersion = await agreement.VersionOf() });
        terminated.EnsureSuccessStatusCode();

        Assert.Equal(ReportState.Waived, (await reports.Of(ReportKind.Activity, 2)).State);
        Assert.Equal(ReportState.Waived, (await reports.Of(ReportKind.Financial, 2)).State);
        Assert.Equal(ReportState.Pending, (await reports.Of(ReportKind.Activity, 1)).State);
        var final = await reports.Of(ReportKind.Final, null);
        Assert.Equal((new DateOnly(2027, 9, 30), new DateOnly(2028, 3, 31)), (final.PeriodEnd, final.DueOn));
        var list = await (await reports.Lead()).GetFromJsonAsync<JsonElement>($"/api/agreements/{agreement.Id}/reports");
        Assert.Equal(2, list.EnumerateArray().Count(r => r.GetProperty("statusLabel").GetString() == "Plus dû"));
    }

    [Fact]
    public async Task Rejecting_a_years_report_cancels_that_years_unpaid_balance_and_claims_back_its_paid_advance_once()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        var finance = await agreement.Finance(agreement.State);
        var advance = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        await agreement.Order(finance, advance);
        (await AgreementSetup.Pay(finance, advance, "advance-1", advance.Amount)).EnsureSuccessStatusCode();
        app.Clock.Now = Reports.Year1Filing;
        await reports.FileYear(1);
        var officer = await agreement.Committee.Officer();

        var rejected = await officer.PostAsJsonAsync($"/api/reports/{(await reports.Of(ReportKind.Financial, 1)).Id}/reject", new { reason = "Les comptes ne justifient pas l'emploi de la subvention.", expectedVersion = (await reports.Of(ReportKind.Financial, 1)).Version });
        var alsoRejected = await officer.PostAsJsonAsync($"/api/reports/{(await reports.Of(ReportKind.Activity, 1)).Id}/reject", new { reason = "Activité non réalisée.", expectedVersion = (await reports.Of(ReportKind.Activity, 1)).Version });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alsoRejected.StatusCode);
        var year1 = (await agreement.Installments(agreement.State)).Where(i => i.Year == 1).ToList();
        Assert.Equal(InstallmentState.Cancelled, year1.Single(i => i.Kind == InstallmentKind.Balance).State);
        Assert.Equal(InstallmentState.Paid, year1.Single(i => i.Kind == InstallmentKind.Advance).State);
        Assert.All((await agreement.Installments(agreement.State)).Where(i => i.Year == 2), i => Assert.NotEqual(InstallmentState.Cancelled, i.State));
        var recovery = Assert.Single(await app.Db(db => db.RecoveryOrders.Where(r => r.AgreementId == new AgreementId(agreement.Id)).ToListAsync()));
        Assert.Equal(RecoveryCause.ReportRejected, recovery.Cause);
        Assert.Equal(advance.Amount, recovery.Amount);
        Assert.Equal(1, recovery.Year);
        await app.DeliverNotifications();
        Assert.Equal(2, app.Mail.To(agreement.Committee.LeadEmail).Count(m => m.Subject.StartsWith("Compte rendu rejeté", StringComparison.Ordinal)));
    }
}
