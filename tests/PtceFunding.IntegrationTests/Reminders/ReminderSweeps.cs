using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Reminders;

namespace PtceFunding.IntegrationTests.Reminders;

/// <summary>Runs the reminders sweep as its job does (the platform itself is the actor) and reads what reached the SMTP server.</summary>
internal static class ReminderSweeps
{
    public static async Task<ReminderSweepFigures> Sweep(this PtceApp app, DateTimeOffset at)
    {
        app.Clock.Now = at;
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SweepReminders());
        Assert.True(result.IsSuccess, result.Error?.Message);
        while ((await app.DeliverNotifications()).Claimed > 0)
        {
        }

        return result.Value;
    }

    /// <summary>A day at 9:00 in Paris (winter or summer time alike: 7:00 UTC is always that day in Paris).</summary>
    public static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 7, 0, 0, TimeSpan.Zero);

    /// <summary>The e-mails received by <paramref name="email"/> whose subject starts with <paramref name="prefix"/>.</summary>
    public static List<string> Subjects(this PtceApp app, string email, string prefix) =>
        [.. app.Mail.To(email).Select(m => m.Subject).Where(s => s.StartsWith(prefix, StringComparison.Ordinal))];

    public static Task<Guid> UserId(this PtceApp app, string email) =>
        app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
