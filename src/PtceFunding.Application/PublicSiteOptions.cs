namespace PtceFunding.Application;

/// <summary>The <c>PublicSite</c> configuration section: the address people reach the platform at, for links in e-mails.</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "PublicSite";

    public Uri BaseUrl { get; set; } = new("http://localhost:5000/");

    // AbsoluteUri keeps the percent-encoding of query values (ToString would decode some of them).
    public string Link(string pathAndQuery) => new Uri(BaseUrl, pathAndQuery).AbsoluteUri;
}
