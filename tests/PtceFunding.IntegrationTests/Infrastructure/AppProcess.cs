using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PtceFunding.IntegrationTests.Infrastructure;

/// <summary>
/// The application as a separate process (`dotnet PtceFunding.Web.dll`), configured by environment
/// variables as a server would be, listening on a free port of 127.0.0.1.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private AppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => _log.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => _log.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Log => string.Join(Environment.NewLine, _log);

    public static AppProcess Start(string dll, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        // Started from its own directory, as the systemd unit and the container do: the content root holds wwwroot.
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new AppProcess(Process.Start(info)!, port);
    }

    /// <summary>A client as the TLS-terminating reverse proxy forwards it: plain HTTP from loopback, marked as HTTPS.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    /// <summary>A client that reaches the node directly in plain HTTP, as a health probe does.</summary>
    public HttpClient DirectClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };

    public async Task WaitUntilReady()
    {
        using var http = Client();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, "the application stopped during start-up: " + Log);
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("the application did not become ready within 60 s: " + Log);
    }

    /// <summary>SIGTERM, as systemd and container engines stop it; answers the exit code.</summary>
    public async Task<int> Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(stopped.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown, no cleanup, claims and triggers left as they are.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
