"""Reporting templates from above (报送模板): read in their own layout, filled cell by cell.

- ``lines``: what a line outside the table is (title, 填报单位 line, footnote);
- ``fields``: the header mapper — a column's header text to the field it asks for;
- ``layout``: a workbook's header rows, columns, data rows and furniture, as a reading;
- ``match``: each data row to the task it reports on (by key, else label and text);
- ``sheet_xml``: filled values written into a copy of the original zip, cell by cell;
- ``fill``: a round's values for a template, the preview and the filled file.
"""
