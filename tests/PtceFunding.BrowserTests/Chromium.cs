using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace PtceFunding.BrowserTests;

/// <summary>
/// Debian's Chromium, headless, driven through Debian's chromedriver. Nothing is downloaded: Selenium
/// is given both binaries, so its driver manager never runs.
/// </summary>
public sealed class Chromium : IDisposable
{
    private const string BrowserPath = "/usr/bin/chromium";
    private const string DriverDirectory = "/usr/bin";
    private const string DriverName = "chromedriver";

    private readonly DirectoryInfo _profile;

    public Chromium()
    {
        if (!File.Exists(BrowserPath) || !File.Exists(Path.Combine(DriverDirectory, DriverName)))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium and its driver ({BrowserPath}, {DriverDirectory}/{DriverName}): " +
                "run `apt-get install -y chromium chromium-driver` (as root), then run the tests again.");
        }

        _profile = Directory.CreateTempSubdirectory("ptce-chromium-");
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, DriverName);
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;

        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--window-size=1280,1024",
            "--lang=fr-FR",
            $"--user-data-dir={_profile.FullName}");

        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(30);
    }

    public ChromeDriver Driver { get; }

    /// <summary>Forgets every cookie, so that each test starts as a new visitor.</summary>
    public IWebDriver Fresh()
    {
        Driver.Navigate().GoToUrl("about:blank");
        Driver.ExecuteCdpCommand("Network.clearBrowserCookies", new());
        return Driver;
    }

    /// <summary>Waits for what a person would wait for; on timeout, saves a screenshot and says where.</summary>
    public static T WaitUntil<T>(IWebDriver driver, Func<IWebDriver, T> condition, string expectation)
    {
        ArgumentNullException.ThrowIfNull(driver);
        try
        {
            return new WebDriverWait(driver, TimeSpan.FromSeconds(10)).Until(condition);
        }
        catch (WebDriverTimeoutException timeout)
        {
            throw new WebDriverTimeoutException(
                $"Waited 10 s for {expectation}; the browser is at {driver.Url}. Screenshot: {Screenshot(driver)}", timeout);
        }
    }

    /// <summary>Saves what the browser shows to /tmp/bt-*.png and answers the path.</summary>
    public static string Screenshot(IWebDriver driver)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bt-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}.png");
        try
        {
            ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(path);
            return path;
        }
        catch (WebDriverException e)
        {
            return $"(none: {e.Message})";
        }
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        _profile.Delete(recursive: true);
    }
}
