"""What policylens says across reports of one policy: diff (two revisions, sections aligned by
`align`), timeline (many), the revisions read from git (`gitrev`) and which captures are usable
(`history`). Pure functions over `Report`s, except `gitrev`, which reads git."""
