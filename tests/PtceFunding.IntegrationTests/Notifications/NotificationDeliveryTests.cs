using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Notifications;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Notifications;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Notifications;

/// <summary>The outbox against a real SMTP server process and a real PostgreSQL.</summary>
public sealed class NotificationDeliveryTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_staff_member_is_invited_by_email_in_french_chooses_their_own_password_and_reads_in_app_notifications()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder(FunderKind.Region, "53", "Région Bretagne (courriel)");
        var email = $"nolwenn.{Guid.NewGuid():N}@test.ptce.fr";

        var created = await admin.PostAsJsonAsync("/api/admin/users", new { email, displayName = "Nolwenn Le Gall", role = Roles.ProgramOfficer, funderId = funder.Id.Value });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Empty(app.Mail.To(email));
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().PostToken(new { email, password = PtceApp.Password })).StatusCode);

        var figures = await app.DeliverNotifications();

        var message = Assert.Single(app.Mail.To(email));
        Assert.Equal("Votre compte PtceFunding a été créé : choisissez votre mot de passe", message.Subject);
        Assert.Contains("Bonjour Nolwenn Le Gall,", message.Text, StringComparison.Ordinal);
        Assert.Contains("Chargé de mission, Région Bretagne (courriel)", message.Text, StringComparison.Ordinal);
        Assert.Contains(">Choisir mon mot de passe</a>", message.Html, StringComparison.Ordinal);
        Assert.Contains("PtceFunding", message.From, StringComparison.Ordinal);
        Assert.True(figures.Sent >= 1);
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(message.Text, @"https://ptce\.test/Account/ResetPassword\?\S+").Value);
        var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)["token"].ToString();
        Assert.Equal(HttpStatusCode.NoContent, (await app.CreateClient().PostAsJsonAsync("/api/auth/password-resets", new { email, token, newPassword = "Phare-De-Sein-2027" })).StatusCode);

        var officer = await app.ClientSignedInWith(email, "Phare-De-Sein-2027");
        var userId = await app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await Enqueue(Outgoing(email, null, NotificationChannels.EmailAndInApp) with { RecipientUserId = userId });
        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/notifications");
        Assert.Equal(1, mine.GetProperty("unread").GetInt32());
        var id = mine.GetProperty("page").GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync($"/api/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(0, (await officer.GetFromJsonAsync<JsonElement>("/api/notifications")).GetProperty("unread").GetInt32());

        // Somebody else's notification does not exist for this user.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/notifications/{id}/read", null)).StatusCode);
    }

    [Fact]
    public async Task Inviting_again_an_account_without_a_password_sends_a_new_link_and_an_account_with_one_gets_nothing()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder(FunderKind.Region, "53");
        var invited = $"invitee.{Guid.NewGuid():N}@test.ptce.fr";
        var active = await app.AddUser(Roles.FinanceOfficer, funder);

        var first = await admin.PostAsJsonAsync("/api/admin/users", new { email = invited, displayName = "Invitée", role = Roles.FinanceOfficer, funderId = funder.Id.Value });
        var start = app.Clock.Now;
        app.Clock.Now = start.AddMinutes(5); // one invitation per account and minute: a double click sends one
        var again = await admin.PostAsJsonAsync("/api/admin/users", new { email = invited, displayName = "Invitée", role = Roles.FinanceOfficer, funderId = funder.Id.Value });
        var existing = await admin.PostAsJsonAsync("/api/admin/users", new { email = active, displayName = "Déjà là", role = Roles.FinanceOfficer, funderId = funder.Id.Value });
        await app.DeliverNotifications();
        app.Clock.Now = start;

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode, existing.StatusCode));
        Assert.Equal(2, app.Mail.To(invited).Count);
        Assert.Empty(app.Mail.To(active));
    }

    [Fact]
    public async Task A_command_that_rolls_back_sends_nothing()
    {
        var email = $"jamais.{Guid.NewGuid():N}@test.ptce.fr";
        await using var scope = app.Services.CreateAsyncScope();

        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var db = scope.ServiceProvider.GetRequiredService<IPtceDbContext>();

        // What every command's transaction does (TransactionBehavior): a refusal after writing a notice rolls it back.
        var result = await unitOfWork.InTransaction<Result>("NotifyThenFail", async () =>
        {
            await db.Enqueue(Outgoing(email, null, NotificationChannels.Email), DateTimeOffset.UtcNow, CancellationToken.None);
            return Error.RuleBroken("test.refused", "Refusé après avoir écrit une notification.");
        }, CancellationToken.None);
        await app.DeliverNotifications();

        Assert.Equal("test.refused", result.Error!.Code);
        Assert.False(await app.Db(db => db.Notifications.AnyAsync(n => n.RecipientEmail == email)));
        Assert.Empty(app.Mail.To(email));
    }

    [Fact]
    public async Task Writing_the_same_notification_twice_keeps_one()
    {
        var email = $"double.{Guid.NewGuid():N}@test.ptce.fr";

        var first = await Enqueue(Outgoing(email, "same-key-" + email, NotificationChannels.Email));
        var second = await Enqueue(Outgoing(email, "same-key-" + email, NotificationChannels.Email));
        await app.DeliverNotifications();
        await app.DeliverNotifications();

        Assert.True(first);
        Assert.False(second);
        Assert.Single(app.Mail.To(email));
    }

    [Fact]
    public async Task When_smtp_is_down_delivery_backs_off_and_sends_once_when_it_returns()
    {
        var email = $"panne.{Guid.NewGuid():N}@test.ptce.fr";
        await Enqueue(Outgoing(email, null, NotificationChannels.Email));
        var start = app.Clock.Now;
        await app.Mail.Stop();
        try
        {
            var first = await app.DeliverNotifications();
            var tooEarly = await app.DeliverNotifications();
            app.Clock.Now = start.AddSeconds(31);
            var second = await app.DeliverNotifications();

            var item = await app.Db(db => db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientEmail == email));
            Assert.Equal(1, first.Retrying);
            Assert.Equal(0, tooEarly.Claimed);
            Assert.Equal(1, second.Retrying);
            Assert.Equal(DeliveryStatus.Pending, item.Status);
            Assert.Equal(2, item.Attempts);
            Assert.Equal((start.AddSeconds(31) + TimeSpan.FromMinutes(1)).UtcDateTime, item.NextAttemptAt);
            Assert.Contains("SMTP", item.LastError, StringComparison.Ordinal);
        }
        finally
        {
            await app.Mail.Start();
        }

        app.Clock.Now = start.AddMinutes(5);
        var delivered = await app.DeliverNotifications();
        await app.DeliverNotifications();

        Assert.True(delivered.Sent >= 1);
        Assert.Single(app.Mail.To(email));
        var sent = await app.Db(db => db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientEmail == email));
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task A_permanently_refused_email_fails_and_is_retried_from_the_administration()
    {
        var email = $"inconnu.{Guid.NewGuid():N}@test.ptce.fr";
        app.Mail.Reject(email);
        await Enqueue(Outgoing(email, null, NotificationChannels.Email));

        var figures = await app.DeliverNotifications();
        var failed = await app.Db(db => db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientEmail == email));

        Assert.Equal(1, figures.Failed);
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);

        var admin = await app.ClientFor(Roles.Administrator, null);
        var outbox = await admin.GetFromJsonAsync<JsonElement>("/api/admin/outbox?status=Failed");
        Assert.Contains(outbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == failed.Id);

        app.Mail.AcceptEveryone();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/outbox/{failed.Id}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsync($"/api/admin/outbox/{failed.Id}/retry", null)).StatusCode);
        await app.DeliverNotifications();

        Assert.Single(app.Mail.To(email));
        Assert.Equal(DeliveryStatus.Sent, await app.Db(db => db.Notifications.Where(n => n.Id == failed.Id).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task Two_nodes_draining_at_the_same_time_never_send_an_item_twice()
    {
        var batch = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 60; i++)
        {
            await Enqueue(Outgoing($"rafale{i}.{batch}@test.ptce.fr", null, NotificationChannels.Email));
        }

        var drains = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(app.DeliverNotifications)));

        var received = app.Mail.Messages().Where(m => m.To.Contains(batch, StringComparison.Ordinal)).ToList();
        Assert.Equal(60, received.Count);
        Assert.Equal(60, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(60, drains.Sum(d => d.Sent));
    }

    private async Task<bool> Enqueue(OutgoingNotification outgoing)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IPtceDbContext>();
        var added = await db.Enqueue(outgoing, app.Clock.GetUtcNow(), CancellationToken.None);
        await db.SaveChangesAsync();
        return added;
    }

    private static OutgoingNotification Outgoing(string email, string? key, NotificationChannels channels) => new(
        null,
        email,
        new Notices.AccountAlreadyExists { Name = "Test", Link = "https://ptce.test/Account/Login" },
        channels,
        key ?? $"test:{Guid.NewGuid():N}");
}
