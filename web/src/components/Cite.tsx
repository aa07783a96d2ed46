import { useEffect, useMemo, useRef, useState } from "react";
import WorkCitationDocument from "../graphql/WorkCitation.graphql";
import { send } from "../useQuery";
import "./Cite.css";

type Format = "BIBTEX" | "RIS" | "CSL_JSON";

interface FormatInfo {
  label: string;
  extension: string;
  mediaType: string;
}

const FORMATS: Record<Format, FormatInfo> = {
  BIBTEX: { label: "BibTeX", extension: "bib", mediaType: "application/x-bibtex" },
  RIS: { label: "RIS", extension: "ris", mediaType: "application/x-research-info-systems" },
  CSL_JSON: { label: "CSL-JSON", extension: "json", mediaType: "application/vnd.citationstyles.csl+json" },
};

type Citation = { status: "loading" } | { status: "failed" } | { status: "done"; text: string };

/** "Cite": a dialog with the work's citation in BibTeX, RIS or CSL-JSON, as the API writes
 * it (`Work.citation`), to copy or download. Each format is asked for when first shown:
 * most visitors never cite, so the page's own request does not carry three citations. */
export function Cite({ workId, fileName }: { workId: string; fileName: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<Format>("BIBTEX");
  const [citations, setCitations] = useState<Partial<Record<Format, Citation>>>({});
  const [copied, setCopied] = useState<string | null>(null);
  const citation = citations[format];

  const load = (wanted: Format) => {
    if (citations[wanted] !== undefined && citations[wanted].status !== "failed") {
      return;
    }
    const settle = (settled: Citation) => setCitations((known) => ({ ...known, [wanted]: settled }));
    settle({ status: "loading" });
    send<{ work: { citation: string } | null }>(WorkCitationDocument, { id: workId, format: wanted }).then(
      (data) => settle(data.work === null ? { status: "failed" } : { status: "done", text: data.work.citation }),
      () => settle({ status: "failed" }),
    );
  };

  const text = citation?.status === "done" ? citation.text : null;
  const download = useMemo(
    () => (text === null ? null : URL.createObjectURL(new Blob([text], { type: FORMATS[format].mediaType }))),
    [text, format],
  );
  useEffect(() => () => (download === null ? undefined : URL.revokeObjectURL(download)), [download]);

  const show = () => {
    dialog.current?.showModal();
    load(format);
  };
  const choose = (next: Format) => {
    setFormat(next);
    setCopied(null);
    load(next);
  };
  const copy = async () => {
    if (text === null) {
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${FORMATS[format].label} copied to the clipboard.`);
    } catch {
      setCopied("The browser did not allow copying; select the text and copy it instead.");
    }
  };

  return (
    <>
      <button type="button" onClick={show} aria-haspopup="dialog">
        Cite
      </button>
      <dialog ref={dialog} className="cite" aria-labelledby="cite-title">
        <h2 id="cite-title">Cite this work</h2>
        <div className="cite-formats" role="group" aria-label="Citation format">
          {(Object.keys(FORMATS) as Format[]).map((name) => (
            <button
              key={name}
              type="button"
              className="secondary"
              aria-pressed={name === format}
              onClick={() => choose(name)}
            >
              {FORMATS[name].label}
            </button>
          ))}
        </div>
        {citation === undefined || citation.status === "loading" ? (
          <p className="muted" role="status">
            Writing the citation…
          </p>
        ) : citation.status === "failed" ? (
          <p className="error" role="alert">
            The citation could not be loaded.{" "}
            <button type="button" className="link" onClick={() => load(format)}>
              Try again
            </button>
          </p>
        ) : (
          <textarea
            className="cite-text"
            readOnly
            aria-label={`Citation in ${FORMATS[format].label}`}
            value={citation.text}
            rows={12}
          />
        )}
        <p className="cite-actions">
          <button type="button" onClick={copy} disabled={text === null}>
            Copy
          </button>
          {download !== null && (
            <a className="button" href={download} download={`${fileName}.${FORMATS[format].extension}`}>
              Download .{FORMATS[format].extension}
            </a>
          )}
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </p>
        <p className="status" role="status">
          {copied}
        </p>
      </dialog>
    </>
  );
}
