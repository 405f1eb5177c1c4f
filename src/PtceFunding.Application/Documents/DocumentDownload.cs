namespace PtceFunding.Application.Documents;

/// <summary>A stored file on its way to a download: the caller disposes <see cref="Content"/>.</summary>
public sealed record DocumentDownload(Stream Content, string FileName, string ContentType, long Size);
