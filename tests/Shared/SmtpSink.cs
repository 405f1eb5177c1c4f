using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace PtceFunding.Tests.Shared;

/// <summary>
/// A real SMTP server process on 127.0.0.1 (npm's smtp-server, tests/smtp-sink) that records every
/// message it accepts. It can be stopped and started again on the same port to play an outage,
/// and told to refuse a recipient for good (550). Shared by the integration and browser tests.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ptce-mail-{Guid.NewGuid():N}.jsonl");
    private Process? _process;

    public int Port { get; } = FreePort();

    public sealed record Message(string MessageId, string From, string To, string Subject, string Text, string Html);

    public async Task Start()
    {
        var script = Path.Combine(RepositoryRoot(), "tests", "smtp-sink", "sink.mjs");
        var info = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(_file);
        _process = Process.Start(info) ?? throw new InvalidOperationException("node could not be started: install Node.js (bash .ci/test.sh does).");
        var ready = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready is null || !ready.StartsWith("listening", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The SMTP sink did not start: {ready} {await _process.StandardError.ReadToEndAsync()}");
        }
    }

    public async Task Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public void Reject(string address) => File.AppendAllText(_file + ".reject", address + "\n");

    public void AcceptEveryone() => File.Delete(_file + ".reject");

    public IReadOnlyList<Message> Messages() =>
        File.Exists(_file)
            ? File.ReadAllLines(_file).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Message>(l, Json)!).ToList()
            : [];

    /// <summary>
    /// Waits for the first message to <paramref name="address"/>: a scheduler delivers the outbox in
    /// the background, so the e-mail arrives a moment after the page has answered.
    /// </summary>
    public Task<Message> WaitFor(string address, TimeSpan timeout) => WaitFor(address, _ => true, "e-mail", timeout);

    /// <summary>
    /// Waits for the first message to <paramref name="address"/> with this subject, whatever else the
    /// address received before (the browser tests share one site, in an order they do not choose).
    /// </summary>
    public Task<Message> WaitFor(string address, string subject, TimeSpan timeout) =>
        WaitFor(address, m => m.Subject == subject, $"« {subject} »", timeout);

    private async Task<Message> WaitFor(string address, Func<Message, bool> wanted, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (To(address).FirstOrDefault(wanted) is { } message)
            {
                return message;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {what} to {address} reached the SMTP sink within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    public IReadOnlyList<Message> To(string address) => Messages().Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase)).ToList();

    public async ValueTask DisposeAsync()
    {
        await Stop();
        File.Delete(_file);
        File.Delete(_file + ".reject");
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PtceFunding.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PtceFunding.sln not found above the test binaries.");
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
