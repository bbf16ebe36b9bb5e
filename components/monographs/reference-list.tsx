type Reference = {
  authors: string;
  title: string;
  journal: string;
  year: number;
  volumePages?: string;
  pmid?: string;
  doi?: string;
};

/** Numbered references; the numbers match the [n] citations in the text. */
export function ReferenceList({ references }: { references: Reference[] }) {
  return (
    <ol className="list-decimal space-y-2 pl-6 text-sm">
      {references.map((reference, index) => (
        <li key={index} id={`ref-${index + 1}`}>
          {reference.authors}. {reference.title.replace(/\.$/, "")}. <cite>{reference.journal}</cite>. {reference.year}
          {reference.volumePages ? `;${reference.volumePages}` : ""}.
          {reference.pmid && (
            <>
              {" "}
              <a href={`https://pubmed.ncbi.nlm.nih.gov/${reference.pmid}/`} rel="noopener noreferrer">
                PubMed {reference.pmid}
              </a>
            </>
          )}
          {reference.doi && (
            <>
              {" "}
              <a href={`https://doi.org/${reference.doi}`} rel="noopener noreferrer">
                doi:{reference.doi}
              </a>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
