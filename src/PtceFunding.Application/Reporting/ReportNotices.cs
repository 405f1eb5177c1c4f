namespace PtceFunding.Application.Reporting;

/// <summary>What every report notification says: the project, the report and the link to it.</summary>
internal static class ReportNotices
{
    public static Dictionary<string, string> Data(Report report, Agreement agreement, PublicSiteOptions site, Dictionary<string, string> more)
    {
        var data = new Dictionary<string, string>(more)
        {
            ["title"] = agreement.Title,
            ["report"] = Lower(ReportText.Title(report)),
            ["link"] = site.Link($"Conventions/CompteRendu?id={report.Id}"),
        };
        return data;
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
